"""Spanish (Spain) document vocabulary."""

PHRASES = {
    "name": ["Nombre y apellidos", "Apellidos y nombre", "Nombre", "Titular"],
    "patient": ["Paciente", "Nombre del paciente", "Apellidos, nombre"],
    "dob": ["Fecha de nacimiento", "F. nacimiento", "Fecha nac."],
    "address": ["Domicilio", "Dirección", "Dirección postal"],
    "phone": ["Teléfono", "Tel.", "Móvil", "Teléfono de contacto"],
    "email": ["Correo electrónico", "E-mail", "Email"],
    "nid": ["DNI", "DNI/NIE", "NIF", "N.º de DNI"],
    "iban": ["IBAN", "Cuenta bancaria", "N.º de cuenta (IBAN)"],
    "customer": ["N.º de cliente", "Código de cliente", "Referencia de cliente"],
    "username": ["Usuario", "Nombre de usuario", "ID de usuario"],
    "password": ["Contraseña", "Contraseña temporal", "PIN"],
    "date": ["Fecha", "Fecha de emisión", "Fecha de expedición"],
    "mrn": ["N.º de historia clínica", "NHC", "N.º de episodio"],
    "diagnosis": ["Diagnóstico", "Diagnóstico principal", "Juicio clínico", "Diagnóstico al alta"],
    "medication": ["Tratamiento", "Tratamiento al alta", "Medicación actual"],
    "doctor": ["Médico responsable", "Facultativo", "Médico adjunto", "Jefe de servicio"],
    "hospital": ["Hospital", "Centro", "Servicio"],
    "company_id": ["CIF", "NIF", "C.I.F."],
    "case_no": ["N.º de expediente", "Ref.", "Expediente", "N.º"],
    "subject": ["Asunto", "ASUNTO", "Ref."],
    "website": ["Web", "Página web", "Sitio web"],
    "signature": ["Firma", "Firmado", "Fdo."],
    "place": ["Lugar de nacimiento", "Lugar"],
    "total": ["Total", "Total a pagar", "Importe total (IVA incluido)"],
    "card": ["N.º de tarjeta", "Tarjeta", "Tarjeta de crédito"],
    "ip": ["Dirección IP", "IP", "Último acceso desde"],
    "h_discharge": ["Informe de alta", "Informe clínico de alta", "Informe de alta hospitalaria"],
    "h_referral": ["Hoja de interconsulta", "Solicitud de interconsulta", "Derivación a especialista"],
    "h_lab": ["Informe de laboratorio", "Resultados de análisis clínicos", "Analítica"],
    "h_contract": [
        "Contrato de prestación de servicios",
        "Contrato de arrendamiento de vivienda",
        "Contrato de trabajo",
        "Contrato de arrendamiento",
    ],
    "h_judgment": ["Sentencia", "Auto", "Sentencia firme", "En nombre del Rey"],
    "h_act": ["Resolución", "Decisión", "Orden", "Acuerdo"],
    "h_gdpr": [
        "Respuesta a su solicitud de derecho de acceso",
        "Ejercicio del derecho de acceso (art. 15 RGPD)",
        "Información sobre el tratamiento de sus datos personales",
    ],
    "h_poa": ["Autorización", "Poder de representación", "Otorgamiento de representación"],
    "h_declaration": ["Declaración responsable", "Declaración jurada", "Declaración"],
    "h_form": ["Solicitud", "Formulario de inscripción", "Solicitud de modificación de datos", "Impreso de solicitud"],
    "h_invoice": ["Factura", "Factura simplificada", "Recibo"],
    "h_cv": ["Currículum vítae", "CV", "Currículum"],
    "h_ticket": ["Incidencia", "Solicitud de soporte", "Reclamación", "Ticket de soporte"],
    "h_experience": ["Experiencia profesional", "Experiencia laboral"],
    "h_education": ["Formación académica", "Formación"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Estimado/a colega:", "Estimados colegas:"],
    "greet": [
        "Estimado/a cliente:",
        "Estimad<<o Sr.|a Sra.>> {p.last}:",
        "Hola, {p.first}:",
        "Buenos días, {p.name}:",
        "Hola {p.first},",
    ],
    "closing": ["Atentamente,", "Un saludo,", "Saludos cordiales,", "Reciba un cordial saludo,"],
    "admit": [
        "{p.name} ingresó el {date2} por {cond}.",
        "<<El paciente|La paciente>> acudió a Urgencias el {date2} por {cond}.",
        "Ingresa en el {ward} el {date2} por {cond}; antecedentes de {cond2}.",
        "<<Varón|Mujer>> de {p.age} años que acude el {date2} por {cond}.",
    ],
    "therapy": [
        "Se inicia tratamiento con {med}, que debe mantener durante {n} días.",
        "Se da de alta con {med}.",
        "Tratamiento: {med} cada 12 horas; control en {n} semanas.",
        "Durante el ingreso se pauta {med} con buena evolución.",
    ],
    "followup": [
        "Control en consultas externas con {dr.title} {dr.name}, {fac}, en {n} semanas.",
        "Revisión en {fac} en un plazo de {n} días.",
        "Para cualquier consulta, contacte con {dr.name} en el teléfono {org.phone}.",
    ],
    "refer": [
        "Remito a {p.name}, nacid<<o|a>> el {p.dob}, con diagnóstico de {cond}, para valoración.",
        "<<El paciente|La paciente>> refiere {cond} desde el {date2}.",
        "Tratamiento actual: {med}.",
        "Ruego valoración de <<D.|Dña.>> {p.name}.",
    ],
    "lab_note": [
        "Informe validado por {dr.title} {dr.name} el {date}.",
        "Extracción realizada el {date2}.",
        "Los valores fuera del intervalo de referencia se marcan con *.",
    ],
    "party_org": [
        "{org.name}, con domicilio social en {org.address}, con CIF {org.cid}, representada por {q.name}, "
        "en adelante «el Prestador»",
        "{org.name}, {org.address}, NIF-IVA {org.vat}, en adelante «la Empresa»",
        "DE OTRA PARTE, {org.name}, con CIF {org.cid} y domicilio en {org.address}",
    ],
    "party_person": [
        "{p.hon} {p.name}, nacid<<o|a>> el {p.dob}, con domicilio en {p.address} y DNI {p.nid}, en adelante «el Cliente»",
        "{p.name}, {p.address}, teléfono {p.phone}, correo electrónico {p.email}",
        "DE UNA PARTE, <<D.|Dña.>> {p.name}, mayor de edad, con DNI {p.nid} y domicilio en {p.address}",
    ],
    "contract_object": [
        "El Prestador se compromete a prestar los servicios descritos en el Anexo {n}.",
        "El presente contrato entrará en vigor el {date2} y tendrá una duración de {n} meses.",
        "La renta mensual asciende a {amount} euros, que se abonarán por meses anticipados.",
        "El salario bruto mensual será de {amount} euros.",
    ],
    "contract_pay": [
        "Los pagos se realizarán mediante transferencia a la cuenta {org.iban} en el plazo de {n} días "
        "desde la fecha de la factura.",
        "El Cliente autoriza la domiciliación de los recibos en la cuenta {p.iban}.",
    ],
    "contract_court": [
        "Cualquier controversia será resuelta por el {court}.",
        "Las partes se someten a la jurisdicción de los Juzgados y Tribunales de {city}.",
        "En lo no previsto, el presente contrato se rige por el {statute}.",
    ],
    "signed": ["En {city}, a {date}.", "Firmado en {city}, el {date}.", "{city}, {date}"],
    "judg_intro": [
        "El {court}, en el procedimiento {case}, ha dictado el {date} la siguiente sentencia:",
        "Vistos los autos del procedimiento ordinario n.º {case}, seguidos ante el {court}:",
        "Magistrado-Juez: {r.name}. Procedimiento {case}.",
    ],
    "judg_facts": [
        "<<El demandante|La demandante>> {p.name}, nacid<<o|a>> el {p.dob} y con domicilio en {p.address}, "
        "presentó demanda el {date2}.",
        "Con fecha {date2}, la demandada {org.name} resolvió el contrato invocando el {statute}.",
        "La parte actora actuó bajo la dirección letrada de {q.name}.",
        "<<El demandante|La demandante>> prestaba servicios para la demandada desde el {date3}.",
    ],
    "judg_ruling": [
        "FALLO: Desestimo íntegramente la demanda, con imposición de costas a la parte actora.",
        "Condeno a {org.name} a abonar a {p.name} la cantidad de {amount} euros, más los intereses legales.",
        "Se revoca la resolución de fecha {date3}.",
        "Contra esta sentencia cabe recurso de apelación en el plazo de veinte días.",
    ],
    "act_recital": [
        "Visto el {statute};",
        "Vista la solicitud presentada por {p.name} el {date2};",
        "Considerando que concurren los requisitos establecidos en el {statute};",
    ],
    "act_article": [
        "Se concede la autorización solicitada a {p.name}, nacid<<o|a>> el {p.dob}, con DNI {p.nid}.",
        "Se impone a {org.name}, con CIF {org.cid}, una sanción de {amount} euros.",
        "La presente resolución se notificará a {p.name}, {p.address}.",
        "Contra la presente resolución cabe recurso potestativo de reposición en el plazo de un mes.",
    ],
    "act_done": [
        "Hecho en {city}, el {date}.",
        "La presente resolución surtirá efectos a partir del {date}.",
        "En {city}, a {date}.",
    ],
    "gdpr_body": [
        "En relación con su solicitud de fecha {date2}, en la que ejercita su derecho de acceso a los datos personales "
        "que le conciernen, le informamos de lo siguiente.",
        "De conformidad con el {statute}, le confirmamos que tratamos los siguientes datos.",
        "Atendiendo a su escrito del {date2}, le facilitamos la información solicitada.",
    ],
    "gdpr_data": [
        "La búsqueda se ha realizado con su número de cliente {p.acct}.",
        "Puede consultar sus datos también en {org.url}.",
        "Para cualquier duda puede dirigirse a nuestro Delegado de Protección de Datos: {org.email}.",
        "Sus datos se conservarán durante los plazos legalmente establecidos.",
    ],
    "poa_body": [
        "<<D.|Dña.>> {p.name}, con DNI {p.nid}, nacid<<o|a>> el {p.dob} y con domicilio en {p.address}, AUTORIZA a "
        "{q.name}, nacido/a el {q.dob}, para que le represente ante el organismo siguiente: {body}.",
        "El representante queda facultado para actuar ante el {court}.",
        "Yo, {p.name}, con domicilio en {p.address}, autorizo a {q.name} a recoger en mi nombre la documentación.",
    ],
    "decl_body": [
        "<<D.|Dña.>> {p.name}, nacid<<o|a>> en {p.birthplace} el {p.dob}, con domicilio en {p.address}, DECLARA bajo "
        "su responsabilidad que los datos facilitados son ciertos.",
        "Conozco las consecuencias previstas en el {statute} en caso de falsedad.",
        "Declaro que resido en {p.address} desde el {date3}.",
    ],
    "letter_body": [
        "Le comunicamos que su solicitud de fecha {date2} ha quedado registrada con el número de expediente {case}.",
        "Su expediente es tramitado por {q.name}.",
        "Le rogamos que aporte la documentación pendiente en el plazo de {n} días hábiles.",
        "En toda comunicación, indique la referencia {case}.",
    ],
    "letter_contact": [
        "Para más información puede llamar al {org.phone} o escribir a {org.email}.",
        "Horario de atención: de lunes a viernes, de 9:00 a 14:00 h.",
        "Más información en {org.url}.",
    ],
    "email_body": [
        "Hola {p.first}, gracias por tu mensaje. Me puedes llamar al {q.phone}.",
        "Por favor, envía la copia firmada a {q.email} antes del {date}.",
        "Te adjunto los documentos de {p.name}; la reunión es el {date2}.",
        "¿Podemos pasar la reunión al {date}?",
    ],
    "chat": [
        "hola soy {p.first}, mi nuevo número es {p.phone}",
        "vale, nos vemos el {date2}",
        "me mandas el correo? el mío es {p.email}",
        "la dirección es {p.address}",
        "genial!",
        "llego en 10 min",
        "puedes llamar a {p.first}?",
    ],
    "ticket_body": [
        "<<El cliente|La clienta>> {p.name} (n.º de cliente {p.acct}) indica que no puede acceder desde el {date2}.",
        "El usuario {p.user} no consigue restablecer la contraseña; último acceso desde {p.ip}.",
        "El pago con la tarjeta {p.card} ha sido rechazado dos veces.",
    ],
    "ticket_secret": [
        "Contraseña temporal: {p.pwd}, debe cambiarse en el primer acceso.",
        "No pegues la clave API {apikey} en las incidencias.",
        "Nuevo token: {apikey}",
    ],
    "invoice_pay": [
        "Forma de pago: transferencia a {org.iban} en {n} días.",
        "Concepto: {ref}.",
        "Consultas sobre la factura: {org.email}",
        "NIF-IVA: {org.vat}",
    ],
    "hospital_fmts": [
        "Hospital Universitario de {city}",
        "Hospital General Universitario de {city}",
        "Hospital Clínico Universitario de {city}",
        "Complejo Hospitalario de {city}",
        "Hospital Comarcal de {city}",
        "Hospital Universitario La Paz",
    ],
    "court_fmts": [
        "Juzgado de Primera Instancia n.º {n2} de {city}",
        "Juzgado de lo Social n.º {n2} de {city}",
        "Juzgado de lo Mercantil n.º {n2} de {city}",
        "Juzgado de Primera Instancia e Instrucción n.º {n2} de {city}",
        "Juzgado de lo Contencioso-Administrativo n.º {n2} de {city}",
        "Tribunal Supremo",
    ],
    "statute_fmts": [
        "artículo {n} del Código Civil",
        "artículo 15 del Reglamento (UE) 2016/679",
        "artículo {n} de la Ley Orgánica 3/2018, de 5 de diciembre",
        "artículo {n} del Estatuto de los Trabajadores",
        "artículo 9 de la Ley 29/1994, de Arrendamientos Urbanos",
        "artículo 392 del Código Penal",
        "artículo {n} de la Ley de Enjuiciamiento Civil",
    ],
    "case_fmts": ["{n}/{year}", "####/{year}", "####/{year}-##", "P.O. ###/{year}"],
    "mrn_fmts": ["######", "#######", "HC-{year}-#####"],
    "conditions": "diabetes mellitus tipo 2, hipertensión arterial, neumonía adquirida en la comunidad, asma bronquial, "
    "EPOC, fibrilación auricular, insuficiencia renal crónica, migraña, episodio depresivo, anemia ferropénica, "
    "gastritis crónica, hipotiroidismo, lumbociática, gonartrosis, enfermedad celíaca, bronquitis aguda, "
    "insuficiencia cardíaca",
    "medications": "metformina 850 mg, enalapril 10 mg, atorvastatina 20 mg, salbutamol inhalado, apixabán 5 mg, "
    "omeprazol 20 mg, amoxicilina 1 g, levotiroxina 50 mcg, sertralina 50 mg, paracetamol 1 g",
    "wards": "Servicio de Medicina Interna, Servicio de Cardiología, Servicio de Neumología, Servicio de Cirugía General, "
    "Servicio de Traumatología, Servicio de Digestivo, Servicio de Geriatría",
    "lab_tests": "Hemoglobina|g/dL|12|17, Leucocitos|x10^3/µL|4|10, Plaquetas|x10^3/µL|150|400, Sodio|mEq/L|135|145, "
    "Potasio|mEq/L|3.5|5.1, Creatinina|mg/dL|0.6|1.2, PCR|mg/L|0|5, Glucosa|mg/dL|70|110, TSH|µUI/mL|0.4|4, "
    "Colesterol total|mg/dL|120|200",
    "jobs": "contable, desarrollador de software, enfermera, director comercial, profesor, jefa de proyecto, electricista, "
    "teleoperador, analista de datos, farmacéutica",
    "products": "Servicios de consultoría, Cuota mensual, Silla de oficina, Tóner, Licencia de software, "
    "Asistencia técnica, Gastos de envío",
    "public_bodies": "Agencia Tributaria, Tesorería General de la Seguridad Social, Agencia Española de Protección de Datos, "
    "Servicio Público de Empleo Estatal, Ayuntamiento, Dirección General de Tráfico, Registro Mercantil",
    "org_words": "Ibérica, Levante, Cantábrica, Mediterránea, Sierra, Guadalquivir, Aurora, Meseta, Atlántida, Galaica",
    "org_suffixes": "S.L., S.A., S.L.U., S.Coop.",
    "schools": "Universidad Complutense de Madrid, Universidad de Barcelona, Universidad de Salamanca, "
    "Universitat de València, Universidad Autónoma de Madrid, Universidad de Sevilla",
    "mail_headers": ["De|Para|Fecha", "De|Para|Enviado el"],
}
