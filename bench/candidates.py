#!/usr/bin/env python3
"""Writes N generated candidates as JSON Lines (the fields of CandidateInput) to stdout, for
bench/import.sh. Deterministic (seeded); phrases repeat as they do in real data."""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(7)
first = ["Mari", "Jaan", "Kati", "Peeter", "Anna", "Rasmus", "Liis", "Toomas", "Olga", "Igor", "Kristi", "Marko"]
last = ["Tamm", "Saar", "Kask", "Mägi", "Ivanova", "Lepik", "Kuusk", "Rebane", "Petrov", "Õunapuu", "Šmidt", "Žukova"]
education = ["keskharidus", "kutseharidus", "rakenduskõrgharidus", "bakalaureusekraad", "magistrikraad", "doktorikraad"]
languages = ["eesti", "inglise", "vene", "soome", "saksa"]
levels = ["A2", "B1", "B2", "C1", "C2", "emakeel"]
areas = ["infotöötlus", "kommunikatsioon", "sisuloome", "turvalisus", "probleemilahendus"]
digital = ["algtase", "iseseisev", "vilunud"]
roles = ["klienditeenindaja", "müügijuht", "laotöötaja", "projektijuht", "tarkvaraarendaja",
         "raamatupidaja", "kvaliteedijuht", "infoturbejuht", "õpetaja", "logopeed", "kokk",
         "klienditoe vahetusevanem", "süsteemiadministraator", "andmeanalüütik"]
skills = ["klienditeeninduse korraldamine", "meeskonna juhtimine", "MS Excel", "SQL", "Python",
          "kvaliteedijuhtimissüsteemi haldamine", "siseaudit", "riskide hindamine", "läbirääkimised",
          "laohaldus", "eelarvestamine", "customer support", "project management", "data analysis",
          "kaebuste käsitlemine", "ISO 9001", "ITIL", "raamatupidamine", "tootearendus"]
out = sys.stdout
for i in range(n):
    person = {
        "name": f"{rng.choice(first)} {rng.choice(last)} {i}",
        "email": f"kandidaat{i}@example.ee",
        "education": rng.choice(education),
        "languages": [{"language": l, "level": rng.choice(levels)} for l in rng.sample(languages, rng.randint(1, 3))],
        "experience": [{"years": rng.randint(0, 15), "description": rng.choice(roles)} for _ in range(rng.randint(0, 3))],
        "digital": [{"area": a, "level": rng.choice(digital)} for a in rng.sample(areas, rng.randint(0, 3))],
        "competences": rng.sample(skills, rng.randint(1, 5)),
    }
    out.write(json.dumps(person, ensure_ascii=False) + "\n")
