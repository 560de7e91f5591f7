"""English document vocabulary."""

PHRASES = {
    "name": ["Name", "Full name", "Surname and first name"],
    "patient": ["Patient", "Patient name", "Name of patient"],
    "dob": ["Date of birth", "DOB", "Born"],
    "address": ["Address", "Home address", "Residential address", "Correspondence address"],
    "phone": ["Phone", "Telephone", "Tel.", "Mobile", "Contact number"],
    "email": ["Email", "E-mail", "Email address"],
    "nid": ["PPS number", "PPSN", "Personal Public Service number"],
    "iban": ["IBAN", "Bank account (IBAN)", "Account IBAN"],
    "customer": ["Customer number", "Account number", "Client ID", "Member no."],
    "username": ["Username", "User ID", "Login"],
    "password": ["Password", "Temporary password", "PIN"],
    "date": ["Date", "Dated", "Issued on"],
    "mrn": ["MRN", "Hospital number", "Medical record no.", "Chart no."],
    "diagnosis": ["Diagnosis", "Main diagnosis", "Primary diagnosis", "Discharge diagnosis"],
    "medication": ["Medication", "Discharge medication", "Current medication"],
    "doctor": ["Consultant", "Attending physician", "Treating doctor", "Responsible clinician"],
    "hospital": ["Hospital", "Facility", "Unit"],
    "company_id": ["Company registration no.", "CRO number", "Registered number"],
    "case_no": ["Case no.", "Record no.", "Our ref.", "File no."],
    "subject": ["Subject", "Re", "RE"],
    "website": ["Website", "Web", "Online"],
    "signature": ["Signature", "Signed", "Sign here"],
    "place": ["Place", "Signed at"],
    "total": ["Total", "Amount due", "Total (incl. VAT)"],
    "card": ["Card number", "Card no.", "Payment card"],
    "ip": ["IP address", "Source IP", "Last login from"],
    "h_discharge": ["Discharge letter", "Discharge summary", "Hospital discharge report"],
    "h_referral": ["Referral letter", "Referral", "Request for specialist opinion"],
    "h_lab": ["Laboratory report", "Lab results", "Blood test results"],
    "h_contract": ["Service agreement", "Contract for services", "Lease agreement", "Employment contract"],
    "h_judgment": ["Judgment", "Decision of the court", "Order"],
    "h_act": ["Decision", "Implementing decision", "Regulation"],
    "h_gdpr": [
        "Response to your subject access request",
        "Your request under Article 15 GDPR",
        "Access request: copy of your personal data",
    ],
    "h_poa": ["Power of attorney", "General power of attorney", "Letter of authority"],
    "h_declaration": ["Statutory declaration", "Declaration", "Self-declaration"],
    "h_form": ["Application form", "Registration form", "Change of details form"],
    "h_invoice": ["Invoice", "Tax invoice", "Receipt"],
    "h_cv": ["Curriculum vitae", "CV", "Résumé"],
    "h_ticket": ["Support ticket", "Service request", "Incident report"],
    "h_experience": ["Work experience", "Employment history", "Experience"],
    "h_education": ["Education", "Education and training", "Qualifications"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Dear Colleague,", "Dear Doctor,", "Dear Colleagues,"],
    "greet": ["Dear {p.hon} {p.last},", "Dear {p.name},", "Hello {p.first},", "Dear Sir or Madam,"],
    "closing": ["Kind regards,", "Yours sincerely,", "Best regards,", "Regards,"],
    "admit": [
        "{p.name} was admitted on {date2} with {cond}.",
        "The patient presented on {date2} and was treated for {cond}.",
        "Admitted to {ward} on {date2} because of {cond}; known history of {cond2}.",
    ],
    "therapy": [
        "Treated with {med}, to be continued for {n} days.",
        "Discharged on {med}.",
        "Therapy: {med} twice daily; review in {n} weeks.",
    ],
    "followup": [
        "Follow-up with {dr.title} {dr.name} at {fac} in {n} weeks.",
        "Please arrange a review at {fac} within {n} days.",
        "Further questions can be addressed to {dr.title} {dr.name} on {org.phone}.",
    ],
    "refer": [
        "I would be grateful if you could see {p.name}, born {p.dob}, who has {cond}.",
        "Thank you for seeing this <<man|woman>> with {cond} since {date2}.",
        "Referred for assessment of {cond}; {p.first} is currently taking {med}.",
    ],
    "lab_note": [
        "Results validated by {dr.title} {dr.name} on {date}.",
        "Sample collected on {date2}.",
        "Values outside the reference range are marked with *.",
    ],
    "party_org": [
        "{org.name}, with registered office at {org.address}, registered under no. {org.cid}, "
        "represented by {q.name} (the Provider)",
        "{org.name}, {org.address}, company no. {org.cid}, hereinafter the Company",
    ],
    "party_person": [
        "{p.name}, born on {p.dob}, residing at {p.address}, PPS number {p.nid} (the Client)",
        "{p.hon} {p.name}, of {p.address}, telephone {p.phone}, e-mail {p.email}",
    ],
    "contract_object": [
        "The Provider shall deliver the services described in Annex {n}.",
        "This agreement takes effect on {date2} and runs for {n} months.",
        "The monthly fee is {amount} EUR, payable in advance.",
    ],
    "contract_pay": [
        "Payments shall be made to account {org.iban} within {n} days of invoice.",
        "The Client authorises direct debit from {p.iban}.",
    ],
    "contract_court": [
        "Any dispute shall be settled by the {court}.",
        "This agreement is governed by {statute}; the courts of {p.city} have jurisdiction.",
    ],
    "signed": ["Signed at {city} on {date}.", "Done in two copies on {date}.", "{city}, {date}"],
    "judg_intro": [
        "{court}, in case {case}, composed of Judge {r.name}, delivered the following judgment on {date}.",
        "In the matter of {case} before the {court}:",
    ],
    "judg_facts": [
        "The applicant, {p.name}, born on {p.dob} and residing at {p.address}, brought proceedings on {date2}.",
        "On {date2} the defendant {org.name} terminated the contract with reference to {statute}.",
        "The applicant was represented by {q.name}, solicitor.",
    ],
    "judg_ruling": [
        "For these reasons, the court dismisses the claim and orders the applicant to pay the costs.",
        "The court orders {org.name} to pay {p.name} the sum of {amount} EUR.",
        "The appeal is allowed; the decision of {date3} is set aside.",
    ],
    "act_recital": [
        "Having regard to {statute},",
        "Having regard to the application lodged by {p.name} on {date2},",
        "Whereas the requirements laid down in {statute} are met,",
    ],
    "act_article": [
        "{p.name}, born on {p.dob}, national identification number {p.nid}, is hereby granted the authorisation.",
        "The fine imposed on {org.name}, registration no. {org.cid}, is set at {amount} EUR.",
        "This decision is addressed to {p.name}, {p.address}.",
    ],
    "act_done": ["Done at {city}, {date}.", "This decision shall enter into force on {date}."],
    "gdpr_body": [
        "We refer to your request of {date2}, in which you asked for a copy of the personal data we hold about you.",
        "Following your request under {statute}, we confirm that we process the data listed below.",
    ],
    "gdpr_data": [
        "Our records were checked under customer number {p.acct}.",
        "You may also view your data online at {org.url}.",
        "For questions, contact our data protection officer at {org.email}.",
    ],
    "poa_body": [
        "I, the undersigned {p.name}, born on {p.dob}, PPS number {p.nid}, residing at {p.address}, "
        "hereby appoint {q.name}, born on {q.dob}, to act on my behalf before {body}.",
        "The attorney may sign documents and represent me in proceedings before the {court}.",
    ],
    "decl_body": [
        "I, {p.name}, born on {p.dob} in {p.birthplace}, residing at {p.address}, solemnly declare that "
        "the information given is true.",
        "I am aware that a false declaration is an offence under {statute}.",
    ],
    "letter_body": [
        "We inform you that your application of {date2} has been registered under no. {case}.",
        "Your file is handled by {q.name}.",
        "We ask you to submit the missing documents within {n} days.",
    ],
    "letter_contact": [
        "For further information please call {org.phone} or write to {org.email}.",
        "Office hours: Monday to Friday, 9:00 to 16:00.",
    ],
    "email_body": [
        "Hi {p.first}, thanks for your message. You can reach me on {q.phone}.",
        "Please send the signed copy to {q.email} before {date}.",
        "I've attached the documents for {p.name}; the meeting is on {date2}.",
    ],
    "chat": [
        "hey it's {p.first}, my new number is {p.phone}",
        "ok see you {date2}",
        "can u send me ur email? mine is {p.email}",
        "sure, address is {p.address}",
        "grand, thanks!",
        "running 10 mins late sorry",
        "did the parcel arrive? tracking says {date}",
        "ring me on {p.phone} when ur free",
    ],
    "ticket_body": [
        "Customer {p.name} (account {p.acct}) reports that the login fails since {date2}.",
        "The user {p.user} cannot reset the password; last login from {p.ip}.",
        "Charge on card {p.card} was declined twice.",
    ],
    "ticket_secret": [
        "Temporary password set to {p.pwd}, please change it after login.",
        "Do not share the API key {apikey} in tickets.",
        "New token: {apikey}",
    ],
    "invoice_pay": [
        "Please pay within {n} days to {org.iban}.",
        "Payment reference: {ref}.",
        "Questions about this invoice: {org.email}",
    ],
    "hospital_fmts": [
        "St. {saint}'s Hospital",
        "{city} University Hospital",
        "{city} General Hospital",
        "Mater Misericordiae Hospital {city}",
        "{city} Regional Hospital",
    ],
    "court_fmts": [
        "the High Court",
        "the Circuit Court in {city}",
        "the District Court of {city}",
        "the Court of Appeal",
        "the Supreme Court",
    ],
    "statute_fmts": [
        "section {n} of the Data Protection Act 2018",
        "Article {n} of Regulation (EU) 2016/679",
        "section {n} of the Consumer Protection Act 2007",
        "S.I. No. {n}/{year}",
        "section {n}({n2}) of the Residential Tenancies Act 2004",
    ],
    "case_fmts": ["{year} No. {n}", "[{year}] IEHC {n}", "{n}/{year}", "Record No. {year}/{n}P"],
    "mrn_fmts": ["MRN ######", "H#######", "######", "@@######"],
    "conditions": "type 2 diabetes, essential hypertension, community-acquired pneumonia, asthma, COPD, "
    "atrial fibrillation, chronic kidney disease, migraine, depression, iron-deficiency anaemia, gastritis, "
    "hypothyroidism, sciatica, osteoarthritis of the knee, coeliac disease, acute bronchitis",
    "medications": "metformin 500 mg, ramipril 5 mg, atorvastatin 20 mg, salbutamol inhaler, apixaban 5 mg, "
    "omeprazole 20 mg, amoxicillin 500 mg, levothyroxine 50 mcg, sertraline 50 mg, paracetamol 1 g",
    "wards": "the medical ward, cardiology, the respiratory unit, general surgery, the acute medical unit, "
    "orthopaedics, gastroenterology",
    "lab_tests": "Haemoglobin|g/dL|12|17, White cell count|10^9/L|4|11, Platelets|10^9/L|150|400, "
    "Sodium|mmol/L|135|145, Potassium|mmol/L|3.5|5.1, Creatinine|umol/L|60|110, CRP|mg/L|0|5, "
    "Glucose|mmol/L|3.9|6.1, HbA1c|mmol/mol|20|42, TSH|mU/L|0.4|4",
    "jobs": "accountant, software developer, nurse, sales manager, teacher, project coordinator, electrician, "
    "customer service agent, data analyst, pharmacist",
    "products": "Consulting services, Monthly subscription, Office chair, Printer toner, Laptop stand, "
    "Maintenance visit, Software licence, Delivery",
    "public_bodies": "the Data Protection Commission, Revenue, the Department of Social Protection, the HSE, "
    "the Companies Registration Office, the Department of Justice",
    "org_words": "Atlantic, Emerald, Liffey, Shannon, Celtic, Harbour, Summit, Brightwater, Oakridge, Greenfield",
    "org_suffixes": "Ltd, Limited, DAC, Services Ltd, Holdings Ltd, & Co.",
    "schools": "Trinity College Dublin, University College Cork, University of Galway, Dublin City University",
}
