"""Portuguese (Portugal) document vocabulary."""

PHRASES = {
    "name": ["Nome completo", "Nome", "Nome do requerente"],
    "patient": ["Doente", "Nome do utente", "Utente"],
    "dob": ["Data de nascimento", "Data nasc.", "Nascido(a) em"],
    "address": ["Morada", "Residência", "Endereço"],
    "phone": ["Telefone", "Telemóvel", "Tel.", "Contacto telefónico"],
    "email": ["E-mail", "Endereço eletrónico", "Correio eletrónico"],
    "nid": ["NIF", "N.º de contribuinte", "Número de identificação fiscal", "Contribuinte n.º"],
    "iban": ["IBAN", "Conta bancária (IBAN)", "NIB/IBAN"],
    "customer": ["N.º de cliente", "Código de cliente", "Conta cliente"],
    "username": ["Utilizador", "Nome de utilizador", "Login"],
    "password": ["Palavra-passe", "Senha", "Código PIN"],
    "date": ["Data", "Data de emissão"],
    "mrn": ["N.º de processo", "Processo clínico n.º", "N.º do episódio"],
    "diagnosis": ["Diagnóstico", "Diagnóstico principal", "Diagnóstico de alta"],
    "medication": ["Terapêutica", "Medicação habitual", "Terapêutica de alta"],
    "doctor": ["Médico assistente", "Médico responsável", "Diretor de serviço"],
    "hospital": ["Hospital", "Unidade de saúde", "Instituição"],
    "company_id": ["NIPC", "NIF", "Contribuinte n.º"],
    "case_no": ["Processo n.º", "Ref.ª", "N.º", "Proc."],
    "subject": ["Assunto", "ASSUNTO", "Ref.ª"],
    "website": ["Sítio web", "Website", "Web"],
    "signature": ["Assinatura", "O(A) declarante", "Assinado"],
    "place": ["Naturalidade", "Local"],
    "total": ["Total", "Total a pagar", "Total (IVA incluído)"],
    "card": ["N.º do cartão", "Cartão", "Cartão de crédito"],
    "ip": ["Endereço IP", "IP", "Último acesso a partir de"],
    "h_discharge": ["Nota de alta", "Relatório de alta", "Carta de alta clínica"],
    "h_referral": ["Pedido de consulta de especialidade", "Carta de referenciação", "Referenciação hospitalar"],
    "h_lab": ["Relatório de análises clínicas", "Resultados laboratoriais", "Boletim de análises"],
    "h_contract": [
        "Contrato de prestação de serviços",
        "Contrato de arrendamento",
        "Contrato de trabalho a termo certo",
        "Contrato de trabalho",
    ],
    "h_judgment": ["Sentença", "Acórdão", "Despacho"],
    "h_act": ["Decisão", "Despacho", "Deliberação", "Aviso"],
    "h_gdpr": [
        "Resposta ao pedido de acesso aos dados pessoais",
        "Exercício do direito de acesso (art. 15.º do RGPD)",
        "Informação sobre os seus dados pessoais",
    ],
    "h_poa": ["Procuração", "Declaração de autorização", "Procuração forense"],
    "h_declaration": ["Declaração", "Declaração sob compromisso de honra", "Declaração de residência"],
    "h_form": ["Requerimento", "Formulário de inscrição", "Pedido de alteração de dados"],
    "h_invoice": ["Fatura", "Fatura-recibo", "Recibo"],
    "h_cv": ["Curriculum vitae", "CV"],
    "h_ticket": ["Pedido de suporte", "Reclamação", "Pedido de assistência", "Ocorrência"],
    "h_experience": ["Experiência profissional", "Percurso profissional"],
    "h_education": ["Formação académica", "Habilitações literárias"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Caro(a) colega,", "Exmo(a). Colega,"],
    "greet": [
        "Exmos. Senhores,",
        "Ex.m<<o Sr.|a Sra.>> {p.name},",
        "Car<<o|a>> {p.first},",
        "Olá {p.first},",
        "Bom dia, {p.name},",
    ],
    "closing": ["Com os melhores cumprimentos,", "Atenciosamente,", "Cumprimentos,", "Melhores cumprimentos,"],
    "admit": [
        "{p.name} foi internad<<o|a>> em {date2} por {cond}.",
        "<<O doente|A doente>> recorreu ao Serviço de Urgência em {date2} por {cond}.",
        "Internad<<o|a>> no {ward} em {date2} por {cond}; antecedentes de {cond2}.",
        "<<Homem|Mulher>> de {p.age} anos, admitid<<o|a>> em {date2} por {cond}.",
    ],
    "therapy": [
        "Medicad<<o|a>> com {med}, a manter durante {n} dias.",
        "Tem alta medicad<<o|a>> com {med}.",
        "Terapêutica: {med} de 12 em 12 horas; reavaliação dentro de {n} semanas.",
        "Durante o internamento iniciou {med}, com boa tolerância.",
    ],
    "followup": [
        "Consulta de seguimento com {dr.title} {dr.name}, {fac}, dentro de {n} semanas.",
        "Reavaliação em consulta externa ({fac}) dentro de {n} dias.",
        "Para esclarecimentos contactar {dr.title} {dr.name} através do {org.phone}.",
    ],
    "refer": [
        "Envio {p.name}, nascid<<o|a>> em {p.dob}, com {cond}, para avaliação em consulta de especialidade.",
        "<<O doente|A doente>> apresenta {cond} desde {date2}.",
        "Medicação habitual: {med}.",
        "Agradeço a observação d<<o Sr.|a Sra.>> {p.name}.",
    ],
    "lab_note": [
        "Resultados validados por {dr.title} {dr.name} em {date}.",
        "Colheita efetuada em {date2}.",
        "Os valores fora do intervalo de referência estão assinalados com *.",
    ],
    "party_org": [
        "{org.name}, com sede em {org.address}, NIPC {org.cid}, representada por {q.name}, "
        "doravante designada «Prestadora»",
        "{org.name}, {org.address}, contribuinte n.º {org.cid}, adiante designada «Empresa»",
        "{org.name}, com sede em {org.address}, neste ato representada pelo gerente {q.name}",
    ],
    "party_person": [
        "{p.name}, nascid<<o|a>> em {p.dob}, residente em {p.address}, NIF {p.nid}, doravante designad<<o|a>> «Cliente»",
        "{p.name}, {p.address}, telemóvel {p.phone}, e-mail {p.email}",
        "{p.name}, residente em {p.address}, contribuinte n.º {p.nid}, na qualidade de Arrendatári<<o|a>>",
    ],
    "contract_object": [
        "A Prestadora obriga-se a prestar os serviços descritos no Anexo {n}.",
        "O presente contrato produz efeitos a partir de {date2} e tem a duração de {n} meses.",
        "A renda mensal é de {amount} euros, a pagar até ao dia 8 de cada mês.",
        "A retribuição mensal ilíquida é de {amount} euros.",
    ],
    "contract_pay": [
        "Os pagamentos serão efetuados por transferência bancária para a conta {org.iban}, no prazo de {n} dias "
        "após a emissão da fatura.",
        "O Cliente autoriza o débito direto na conta {p.iban}.",
    ],
    "contract_court": [
        "Para a resolução de litígios é competente o {court}.",
        "Em tudo o que não estiver previsto, aplica-se o disposto no {statute}.",
        "As partes elegem como foro competente o {court}, com renúncia a qualquer outro.",
    ],
    "signed": ["{city}, {date}", "Feito em duplicado, em {date}.", "Assinado em {date}, em dois exemplares."],
    "judg_intro": [
        "O {court}, no processo n.º {case}, proferiu em {date} a seguinte sentença:",
        "Processo n.º {case} – {court}",
        "Acordam os Juízes do {court}, no processo {case}:",
    ],
    "judg_facts": [
        "<<O autor|A autora>> {p.name}, nascid<<o|a>> em {p.dob}, residente em {p.address}, intentou a presente "
        "ação em {date2}.",
        "Em {date2}, a ré {org.name} resolveu o contrato invocando o {statute}.",
        "<<O autor|A autora>> atuou com o patrocínio de {q.name}.",
        "<<O autor|A autora>> trabalhava para a ré desde {date3}.",
    ],
    "judg_ruling": [
        "Pelo exposto, julga-se a ação improcedente e absolve-se a ré do pedido.",
        "Condena-se {org.name} a pagar a {p.name} a quantia de {amount} euros, acrescida de juros de mora.",
        "Revoga-se a decisão de {date3}.",
        "Custas pel<<o autor|a autora>>.",
    ],
    "act_recital": [
        "Nos termos do {statute},",
        "Considerando o requerimento apresentado por {p.name} em {date2},",
        "Verificados os requisitos previstos no {statute}, determina-se o seguinte:",
    ],
    "act_article": [
        "É concedida a autorização a {p.name}, nascid<<o|a>> em {p.dob}, NIF {p.nid}.",
        "É aplicada a {org.name}, NIPC {org.cid}, uma coima no montante de {amount} euros.",
        "A presente decisão é notificada a {p.name}, {p.address}.",
        "Da presente decisão cabe impugnação judicial no prazo de 20 dias.",
    ],
    "act_done": ["{city}, {date}", "A presente decisão produz efeitos a partir de {date}.", "{city}, em {date}."],
    "gdpr_body": [
        "Na sequência do seu pedido de {date2}, relativo ao acesso aos dados pessoais que lhe dizem respeito, "
        "informamos o seguinte.",
        "Nos termos do {statute}, confirmamos que tratamos os seguintes dados.",
        "Em resposta à sua comunicação de {date2}, enviamos a informação solicitada.",
    ],
    "gdpr_data": [
        "A pesquisa foi efetuada com base no seu número de cliente {p.acct}.",
        "Pode consultar os seus dados também em {org.url}.",
        "Para qualquer questão, contacte o nosso Encarregado de Proteção de Dados: {org.email}.",
        "Os dados são conservados pelo prazo legalmente exigido.",
    ],
    "poa_body": [
        "{p.name}, NIF {p.nid}, nascid<<o|a>> em {p.dob}, residente em {p.address}, constitui seu bastante procurador "
        "{q.name}, nascido(a) em {q.dob}, a quem confere poderes para o(a) representar junto da entidade seguinte: "
        "{body}.",
        "O procurador fica autorizado a representar o mandante perante o {court}.",
        "Eu, {p.name}, residente em {p.address}, autorizo {q.name} a levantar em meu nome a correspondência registada.",
    ],
    "decl_body": [
        "{p.name}, nascid<<o|a>> em {p.dob}, naturalidade {p.birthplace}, residente em {p.address}, declara sob "
        "compromisso de honra que as informações prestadas são verdadeiras.",
        "Declaro ter conhecimento das sanções previstas no {statute}.",
        "Declaro que resido em {p.address} desde {date3}.",
    ],
    "letter_body": [
        "Informamos que o seu pedido de {date2} foi registado com o n.º {case}.",
        "O processo é acompanhado por {q.name}.",
        "Solicitamos o envio dos documentos em falta no prazo de {n} dias úteis.",
        "Em qualquer contacto, indique a referência {case}.",
    ],
    "letter_contact": [
        "Para mais informações, contacte-nos através do {org.phone} ou de {org.email}.",
        "Horário de atendimento: dias úteis, das 9h00 às 16h00.",
        "Mais informações em {org.url}.",
    ],
    "email_body": [
        "Olá {p.first}, obrigado pela mensagem. Podes ligar-me para o {q.phone}.",
        "Por favor envia a cópia assinada para {q.email} até {date}.",
        "Segue em anexo a documentação de {p.name}; a reunião é a {date2}.",
        "Podemos adiar a reunião para {date}?",
    ],
    "chat": [
        "olá sou {p.first}, o meu novo número é {p.phone}",
        "ok vemo-nos a {date2}",
        "mandas-me o mail? o meu é {p.email}",
        "a morada é {p.address}",
        "combinado!",
        "chego daqui a 10 min",
        "{p.first}, liga-me quando puderes",
    ],
    "ticket_body": [
        "<<O cliente|A cliente>> {p.name} (n.º de cliente {p.acct}) informa que não consegue aceder desde {date2}.",
        "O utilizador {p.user} não consegue repor a palavra-passe; último acesso a partir de {p.ip}.",
        "O pagamento com o cartão {p.card} foi recusado duas vezes.",
    ],
    "ticket_secret": [
        "Palavra-passe temporária: {p.pwd}, a alterar no primeiro acesso.",
        "Não colar a chave API {apikey} nos pedidos.",
        "Novo token: {apikey}",
    ],
    "invoice_pay": [
        "Pagamento a {n} dias por transferência para {org.iban}.",
        "Referência: {ref}.",
        "Questões sobre a fatura: {org.email}",
        "Contribuinte: {org.cid}",
    ],
    "hospital_fmts": [
        "Hospital de {city}",
        "Centro Hospitalar Universitário de {city}",
        "Hospital Distrital de {city}",
        "Unidade Local de Saúde de {city}",
        "Hospital de Santa Maria",
        "Hospital de São João",
    ],
    "court_fmts": [
        "Tribunal Judicial da Comarca de {city}",
        "Juízo Local Cível de {city}",
        "Juízo do Trabalho de {city}",
        "Tribunal Administrativo e Fiscal de {city}",
        "Tribunal da Relação de Lisboa",
        "Supremo Tribunal de Justiça",
    ],
    "statute_fmts": [
        "artigo {n}.º do Código Civil",
        "artigo 15.º do Regulamento (UE) 2016/679",
        "artigo {n}.º da Lei n.º 58/2019, de 8 de agosto",
        "artigo {n}.º do Código do Trabalho",
        "artigo 348.º-A do Código Penal",
        "artigo {n}.º do Código de Processo Civil",
        "artigo 1083.º do Código Civil",
    ],
    "case_fmts": ["####/1#.#T8@@@", "{n}/{year}", "####/{year}", "###/1#.#@@@@@"],
    "mrn_fmts": ["#########", "{year}/######", "########"],
    "conditions": "diabetes mellitus tipo 2, hipertensão arterial, pneumonia adquirida na comunidade, asma brônquica, "
    "DPOC, fibrilhação auricular, doença renal crónica, enxaqueca, episódio depressivo, anemia ferropénica, "
    "gastrite crónica, hipotiroidismo, lombociatalgia, gonartrose, doença celíaca, bronquite aguda, "
    "insuficiência cardíaca",
    "medications": "metformina 1000 mg, ramipril 5 mg, atorvastatina 20 mg, salbutamol inalado, apixabano 5 mg, "
    "pantoprazol 40 mg, amoxicilina 1 g, levotiroxina 50 µg, sertralina 50 mg, paracetamol 1 g",
    "wards": "Serviço de Medicina Interna, Serviço de Cardiologia, Serviço de Pneumologia, Serviço de Cirurgia Geral, "
    "Serviço de Ortopedia, Serviço de Gastrenterologia",
    "lab_tests": "Hemoglobina|g/dL|12|17, Leucócitos|x10^9/L|4|10, Plaquetas|x10^9/L|150|400, Sódio|mmol/L|135|145, "
    "Potássio|mmol/L|3.5|5.1, Creatinina|mg/dL|0.6|1.2, PCR|mg/dL|0|0.5, Glicose|mg/dL|70|110, TSH|µUI/mL|0.4|4, "
    "Colesterol total|mg/dL|120|190",
    "jobs": "contabilista, programador, enfermeira, diretor comercial, professor, gestora de projeto, eletricista, "
    "operador de call center, analista de dados, farmacêutica",
    "products": "Serviços de consultoria, Mensalidade, Cadeira de escritório, Tinteiro, Licença de software, "
    "Assistência técnica, Portes de envio",
    "public_bodies": "Autoridade Tributária e Aduaneira, Segurança Social, Comissão Nacional de Proteção de Dados, "
    "Instituto do Emprego e Formação Profissional, Câmara Municipal, Junta de Freguesia, Conservatória do Registo Civil",
    "org_words": "Lusitana, Atlântico, Tejo, Douro, Minho, Alentejo, Algarve, Estrela, Mondego, Infante",
    "org_suffixes": "Lda., S.A., Unipessoal Lda.",
    "schools": "Universidade de Lisboa, Universidade do Porto, Universidade de Coimbra, Universidade Nova de Lisboa, "
    "Universidade do Minho, ISCTE - Instituto Universitário de Lisboa",
    "mail_headers": ["De|Para|Data", "De|Para|Enviado"],
}
