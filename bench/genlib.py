#!/usr/bin/env python3
"""genlib.py: writes a made-up library of resolutions for the library benchmark (issue 14):
General Assembly resolutions in the six official languages and Security Council resolutions
in four, as the plain text gavel reads (the shapes of tests/data/shapes/lang-*.txt and
sc-*.txt), so that `gavel add` reads them as it reads real ones.

Usage: genlib.py OUTDIR [--ga N] [--sc N] [--sessions A-B] [--langs en,fr,...] [--per-file K]
  --ga N        General Assembly resolutions (each in every language)        default 1900
  --sc N        Security Council resolutions (each in en, fr, es, ru of the langs)  default 2700
  --sessions    the Assembly's sessions to spread them over                  default 75-80
  --langs       languages                                                    default en
  --per-file K  resolutions per file (a session's volume); 1 = one file each  default 1
  --shape S     text, or akn: the English GA resolutions as AKN4UN XML (one per file)

What makes it a library rather than noise: the words of every language come from one list
of concepts with a Zipf distribution (a few very common words, a long tail), so the index
has a realistic vocabulary; resolutions come in series, renegotiated session after session
(most paragraphs kept, some edited by a word or two, some new) and cite their predecessor
("Recalling its resolution 76/172 of ...", sometimes "paragraph 8 of its resolution ..."),
as real ones do, so back-links and "used before" have work to do. A GA resolution has about
the length of a real one (15-20 kB of text). Deterministic: the same arguments give the
same files. The documents go under OUTDIR/docs; OUTDIR/probe.json names a phrase, a paragraph
with earlier uses, and a file with its symbol, for the benchmark."""
import json
import os
import random
import sys
import textwrap

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
    "ar": ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
           "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
           "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"],
}


def date(lang, y, m, d):
    if lang == "zh":
        return "%d年%d月%d日" % (y, m, d)
    if lang == "es":
        return "%d de %s de %d" % (d, MONTHS["es"][m - 1], y)
    if lang == "ru":
        return "%d %s %d года" % (d, MONTHS["ru"][m - 1], y)
    return "%d %s %d" % (d, MONTHS[lang][m - 1], y)


# The furniture of each language, from the real texts in tests/data/shapes.
GA = {
    "en": dict(head="Resolution adopted by the General Assembly on {date}", open="The General Assembly,",
               report="[on the report of the Second Committee (A/{s}/{r})]", title="{s}/{n}. {t}",
               meeting="{kth} plenary meeting", recall="Recalling its resolution {ref} of {date},",
               para_of="Recalling paragraph {p} of its resolution {ref},",
               leads=["Reaffirming", "Recognizing", "Deeply concerned that", "Noting", "Welcoming",
                      "Bearing in mind", "Stressing", "Emphasizing"],
               verbs=["Welcomes", "Calls upon all States", "Requests the Secretary-General",
                      "Encourages", "Urges", "Decides", "Invites", "Reaffirms"],
               item="({c})", num="{k}."),
    "fr": dict(head="Résolution adoptée par l’Assemblée générale le {date}", open="L’Assemblée générale,",
               report="[sur la base du rapport de la Deuxième Commission (A/{s}/{r})]", title="{s}/{n}. {t}",
               meeting="{k}e séance plénière", recall="Rappelant sa résolution {ref} du {date},",
               para_of="Rappelant le paragraphe {p} de sa résolution {ref},",
               leads=["Réaffirmant", "Considérant", "Profondément préoccupée par", "Notant",
                      "Se félicitant de", "Consciente de", "Soulignant", "Insistant sur"],
               verbs=["Accueille avec satisfaction", "Demande à tous les États", "Prie le Secrétaire général",
                      "Encourage", "Exhorte", "Décide", "Invite", "Réaffirme"],
               item="{c})", num="{k}."),
    "es": dict(head="Resolución aprobada por la Asamblea General el {date}", open="La Asamblea General,",
               report="[sobre la base del informe de la Segunda Comisión (A/{s}/{r})]", title="{s}/{n}. {t}",
               meeting="{k}ª sesión plenaria", recall="Recordando su resolución {ref}, de {date},",
               para_of="Recordando el párrafo {p} de su resolución {ref},",
               leads=["Reafirmando", "Reconociendo", "Profundamente preocupada por", "Observando",
                      "Acogiendo con beneplácito", "Teniendo presente", "Destacando", "Poniendo de relieve"],
               verbs=["Acoge con beneplácito", "Exhorta a todos los Estados", "Solicita al Secretario General",
                      "Alienta", "Insta", "Decide", "Invita", "Reafirma"],
               item="{c})", num="{k}."),
    "ru": dict(head="Резолюция, принятая Генеральной Ассамблеей {date}", open="Генеральная Ассамблея,",
               report="[по докладу Второго комитета (A/{s}/{r})]", title="{s}/{n}. {t}",
               meeting="{k}-е пленарное заседание", recall="ссылаясь на свою резолюцию {ref} от {date},",
               para_of="ссылаясь на пункт {p} своей резолюции {ref},",
               leads=["вновь подтверждая", "признавая", "будучи глубоко обеспокоена", "отмечая",
                      "приветствуя", "учитывая", "подчеркивая", "особо отмечая"],
               verbs=["приветствует", "призывает все государства", "просит Генерального секретаря",
                      "рекомендует", "настоятельно призывает", "постановляет", "предлагает", "подтверждает"],
               item="{c})", num="{k}."),
    "zh": dict(head="大会{date}通过的决议", open="大会，", report="[根据第二委员会的报告(A/{s}/{r})通过]",
               title="{s}/{n}. {t}", meeting="第{k}次全体会议", recall="回顾其{date}第{ref}号决议，",
               para_of="回顾其第{ref}号决议第{p}段，",
               leads=["重申", "认识到", "深为关切", "注意到", "欢迎", "铭记", "强调", "着重指出"],
               verbs=["欢迎", "吁请所有国家", "请秘书长", "鼓励", "敦促", "决定", "邀请", "重申"],
               item="({c})", num="{k}."),
    "ar": dict(head="قرار اتخذته الجمعية العامة في {date}", open="إن الجمعية العامة،",
               report="[بناء على تقرير اللجنة الثانية (A/{s}/{r})]", title="{s}/{n} - {t}",
               meeting="الجلسة العامة {k}", recall="إذ تشير إلى قرارها {ref} المؤرخ {date}،",
               para_of="إذ تشير إلى الفقرة {p} من قرارها {ref}،",
               leads=["وإذ تؤكد من جديد", "وإذ تسلم", "وإذ يساورها بالغ القلق", "وإذ تلاحظ", "وإذ ترحب",
                      "وإذ تضع في اعتبارها", "وإذ تشدد", "وإذ تؤكد"],
               verbs=["ترحب", "تهيب بجميع الدول", "تطلب إلى الأمين العام", "تشجع", "تحث", "تقرر", "تدعو",
                      "تؤكد من جديد"],
               item="({c})", num="{k} -"),
}
ITEMS_AR = "أبجدهوزحطيكلمنسعفصقرشت"

SC = {
    "en": dict(head="Resolution {n} ({y})\nAdopted by the Security Council at its {k}th meeting, on\n{date}",
               open="The Security Council,", recall="Recalling its resolution {ref},",
               leads=["Reaffirming", "Expressing its concern", "Noting", "Welcoming", "Stressing"],
               verbs=["Decides", "Demands", "Calls upon all parties", "Requests the Secretary-General",
                      "Urges", "Welcomes"], last="Decides to remain seized of the matter."),
    "fr": dict(head="Résolution {n} ({y})\nAdoptée par le Conseil de sécurité à sa {k}e séance, le\n{date}",
               open="Le Conseil de sécurité,", recall="Rappelant sa résolution {ref},",
               leads=["Réaffirmant", "Se déclarant préoccupé", "Notant", "Se félicitant", "Soulignant"],
               verbs=["Décide", "Exige", "Demande à toutes les parties", "Prie le Secrétaire général",
                      "Exhorte", "Salue"], last="Décide de rester saisi de la question."),
    "es": dict(head="Resolución {n} ({y})\nAprobada por el Consejo de Seguridad en su {k}ª sesión, celebrada el\n{date}",
               open="El Consejo de Seguridad,", recall="Recordando su resolución {ref},",
               leads=["Reafirmando", "Expresando su preocupación", "Observando", "Acogiendo con beneplácito",
                      "Destacando"],
               verbs=["Decide", "Exige", "Exhorta a todas las partes", "Solicita al Secretario General",
                      "Insta", "Acoge con beneplácito"], last="Decide seguir ocupándose de la cuestión."),
    "ru": dict(head="Резолюция {n} ({y})\nПринята Советом Безопасности на его {k}-м заседании\n{date}",
               open="Совет Безопасности,", recall="ссылаясь на свою резолюцию {ref},",
               leads=["вновь подтверждая", "выражая обеспокоенность", "отмечая", "приветствуя", "подчеркивая"],
               verbs=["постановляет", "требует", "призывает все стороны", "просит Генерального секретаря",
                      "настоятельно призывает", "приветствует"],
               last="постановляет продолжать заниматься этим вопросом."),
}

SYL = {
    "en": "ba be bi bo da de di do fa fe fi ga ge go ha he la le li lo ma me mi mo na ne ni no pa pe pi "
          "po ra re ri ro sa se si so ta te ti to va ve vi wa we ya tion ment ing ive ance ity ous al".split(),
    "fr": "ba bé bi bo da dé di do fa fè fi ga gé go la lé li lo ma mè mi mo na né ni no pa pé pi po ra "
          "ré ri ro sa sé si so ta té ti to va vé vi tion ment eur ité ique oire".split(),
    "es": "ba be bi bo da de di do fa fe fi ga ge go la le li lo ma me mi mo na ne ni ño pa pe pi po ra "
          "re ri ro sa se si so ta te ti to va ve vi ción mente dad ía ar".split(),
    "ru": "ба бе би бо да де ди до жа за зе ка ке ки ко ла ле ли ло ма ме ми мо на не ни но па пе пи по "
          "ра ре ри ро са се си со та те ти то ва ве ви ция ние ость ский ого".split(),
    "ar": "با بي بو تا تي تو جا جي دا دي را ري زا سا سي شا صا طا عا عي فا في قا كا كي لا لي ما مي "
          "نا ني ها هي وا وي يا ية ات ون".split(),
}
# The most common words, and the names that come as one ("United Nations": a collocation, as
# in real text, not two words that happen to meet).
COMMON = {
    "en": "the of and to in for on with by that its all States international".split() +
          ["United Nations", "Member States", "human rights", "Secretary-General"],
    "fr": "de la le et les des à en pour du sur dans par que ses tous États".split() +
          ["Nations Unies", "États Membres", "droits de l’homme", "Secrétaire général"],
    "es": "de la el y los las a en para del por con que su todos Estados".split() +
          ["Naciones Unidas", "Estados Miembros", "derechos humanos", "Secretario General"],
    "ru": "и в на по с для о что его всех государств".split() +
          ["Организации Объединенных Наций", "государств-членов", "прав человека",
           "Генерального секретаря"],
    "ar": "في من على إلى مع عن أن جميع الدول الدولية و".split() +
          ["الأمم المتحدة", "الدول الأعضاء", "حقوق الإنسان", "الأمين العام"],
    "zh": list("的和在对与及其所有国家国际") + ["联合国", "会员国", "人权", "秘书长"],
}
NCONCEPTS = 40000


class Vocab:
    """Concept i -> a word of the language, made once; concept frequency is Zipf-like."""

    def __init__(self, lang):
        rng = random.Random("vocab-" + lang)
        self.lang = lang
        self.words = []
        seen = set()
        for i in range(NCONCEPTS):
            if i < len(COMMON[lang]):
                w = COMMON[lang][i]
            elif lang == "zh":
                w = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.choice((1, 2, 2, 3))))
            else:
                while True:
                    w = "".join(rng.choice(SYL[lang]) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
                    if w not in seen:
                        break
                if lang == "en" and rng.random() < 0.05:
                    w += "-" + rng.choice(SYL["en"]) + rng.choice(SYL["en"])
            seen.add(w)
            self.words.append(w)

    def text(self, ids):
        sep = "" if self.lang == "zh" else " "
        return sep.join(self.words[i] for i in ids)


def zipf_ids(rng, n, cum):
    """n concept ids drawn Zipf-like (cum: cumulative weights)."""
    out = []
    import bisect
    for _ in range(n):
        out.append(bisect.bisect_left(cum, rng.random() * cum[-1]))
    return out


def make_cum():
    cum, s = [], 0.0
    for i in range(NCONCEPTS):
        s += 1.0 / (i + 2) ** 1.05
        cum.append(s)
    return cum


class Plan:
    """One resolution, independent of language: its paragraphs as concept ids."""
    pass


def ga_plan(rng, cum, session, number, pred):
    p = Plan()
    p.organ, p.session, p.number = "ga", session, number
    p.year = 1945 + session
    p.month, p.day = 12, rng.randint(1, 23)
    p.meeting = rng.randint(40, 90)
    p.report = rng.randint(400, 700)
    p.pred = pred
    if pred is not None:
        p.title = pred.title
        pp = [list(x) for x in pred.pp]
        op = [(v, list(x), [list(i) for i in items]) for v, x, items in pred.op]
        # renegotiated: a word or two changed here and there, some paragraphs new or gone
        for para in pp + [x for _, x, _ in op]:
            if rng.random() < 0.3 and para:
                for _ in range(rng.randint(1, 3)):
                    para[rng.randrange(len(para))] = zipf_ids(rng, 1, cum)[0]
        if rng.random() < 0.5 and len(op) > 3:
            del op[rng.randrange(len(op))]
        for _ in range(rng.randint(0, 3)):
            op.insert(rng.randrange(len(op) + 1), (rng.randrange(8), zipf_ids(rng, rng.randint(25, 90), cum), []))
        for _ in range(rng.randint(0, 2)):
            pp.append(zipf_ids(rng, rng.randint(20, 70), cum))
        p.pp, p.op = pp, op
        p.cite_para = rng.randint(1, len(pred.op)) if rng.random() < 0.3 else None
    else:
        p.title = zipf_ids(rng, rng.randint(3, 7), cum)
        p.pp = [zipf_ids(rng, rng.randint(20, 80), cum) for _ in range(rng.randint(8, 18))]
        p.op = []
        for _ in range(rng.randint(12, 35)):
            items = []
            if rng.random() < 0.2:
                items = [zipf_ids(rng, rng.randint(8, 40), cum) for _ in range(rng.randint(2, 6))]
            p.op.append((rng.randrange(8), zipf_ids(rng, rng.randint(25, 110), cum), items))
        p.cite_para = None
    return p


def sc_plan(rng, cum, number, year, pred):
    p = Plan()
    p.organ, p.number, p.year = "sc", number, year
    p.month, p.day = rng.randint(1, 12), rng.randint(1, 28)
    p.meeting = 1000 + number * 3
    p.pred = pred
    p.pp = [zipf_ids(rng, rng.randint(15, 50), cum) for _ in range(rng.randint(3, 9))]
    p.op = [(rng.randrange(6), zipf_ids(rng, rng.randint(15, 70), cum), []) for _ in range(rng.randint(3, 14))]
    return p


def wrap(lang, s):
    if lang == "zh":
        return s
    return "\n".join(textwrap.wrap(s, 80, break_long_words=False, break_on_hyphens=False))


def ga_text(p, lang, voc):
    t = GA[lang]
    out = [t["head"].format(date=date(lang, p.year, p.month, p.day)), "",
           t["report"].format(s=p.session, r=p.report), "",
           t["title"].format(s=p.session, n=p.number, t=voc.text(p.title).capitalize()), "",
           t["open"], ""]
    comma = "،" if lang == "ar" else "，" if lang == "zh" else ","
    if p.pred is not None:
        ref = "%d/%d" % (p.pred.session, p.pred.number)
        out += [wrap(lang, t["recall"].format(ref=ref, date=date(lang, p.pred.year, p.pred.month, p.pred.day))), ""]
        if p.cite_para:
            out += [wrap(lang, t["para_of"].format(p=p.cite_para, ref=ref)), ""]
    for i, para in enumerate(p.pp):
        out += [wrap(lang, "%s %s%s" % (t["leads"][i % len(t["leads"])], voc.text(para), comma)), ""]
    semi = "؛" if lang == "ar" else "；" if lang == "zh" else ";"
    for k, (v, para, items) in enumerate(p.op, 1):
        end = "." if k == len(p.op) else semi
        num = t["num"].format(k=k)
        if items:
            out += [wrap(lang, "%s %s %s:" % (num, t["verbs"][v], voc.text(para))), ""]
            for j, it in enumerate(items):
                c = ITEMS_AR[j] if lang == "ar" else chr(ord("a") + j)
                out += [wrap(lang, "%s %s%s" % (t["item"].format(c=c), voc.text(it), semi)), ""]
        else:
            out += [wrap(lang, "%s %s %s%s" % (num, t["verbs"][v], voc.text(para), end)), ""]
    out += [t["meeting"].format(k=p.meeting, kth=nth(p.meeting)), date(lang, p.year, p.month, p.day), ""]
    return "\n".join(out) + "\n"


def nth(k):
    return "%d%s" % (k, "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th"))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


AKN_HEAD = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" xmlns:akn4un="http://un.org/akn4un">
  <!--A made-up resolution (bench/genlib.py), in the markup of the UN's AKN4UN files-->
  <statement name="resolution">
    <meta>
      <identification source="#DGACM">
        <FRBRWork>
          <FRBRthis value="/akn/un/statement/deliberation/unga/{iso}/{s}-{n}/!main/"></FRBRthis>
          <FRBRuri value="/akn/un/statement/deliberation/unga/{iso}/{s}-{n}/"></FRBRuri>
          <FRBRdate date="{iso}" name="adoption"></FRBRdate>
          <FRBRauthor href="ga" as="author"></FRBRauthor>
          <FRBRcountry value="un"></FRBRcountry>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="/akn/un/statement/deliberation/unga/{iso}/{s}-{n}/eng@!main/"></FRBRthis>
          <FRBRuri value="/akn/un/statement/deliberation/unga/{iso}/{s}-{n}/eng@/"></FRBRuri>
          <FRBRdate date="{iso}" name="publication"></FRBRdate>
          <FRBRauthor href="ga" as="issuer"></FRBRauthor>
          <FRBRlanguage language="eng"></FRBRlanguage>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="/akn/un/statement/deliberation/unga/{iso}/{s}-{n}/eng@/!main.xml"></FRBRthis>
          <FRBRuri value="/akn/un/statement/deliberation/unga/{iso}/{s}-{n}/eng@.xml"></FRBRuri>
          <FRBRdate date="{iso}" name="markup"></FRBRdate>
          <FRBRauthor href="DGACM" as="editor"></FRBRauthor>
        </FRBRManifestation>
      </identification>
      <workflow source="#DGACM">
        <step date="{iso}" by="#generalAssembly" outcome="adoptedWithoutVote" refersTo="#adoption"></step>
      </workflow>
    </meta>
    <coverPage>
      <p class="upperRight">
        <docNumber refersTo="#symbol" class="right">A/RES/{s}/{n}</docNumber>
      </p>
      <p class="upperLeft">
        <docAuthority refersTo="#issuingBody" class="rightBig">General Assembly</docAuthority>
      </p>
      <p>
        <docStatus refersTo="#generalDistribution" class="rightSmall">Distr.: General</docStatus>
      </p>
      <p>
        <docDate date="{iso}" class="rightSmall" refersTo="#dateOfIssuance">{date}</docDate>
      </p>
      <p>
        <session refersTo="#generalAssembly" value="{s}" eId="coverPage_1__session_1">Session {s}</session>
      </p>
      <p>
        <docTitle>Resolution adopted by the General Assembly on {date}</docTitle>
      </p>
      <p xml:space="preserve">
        <docProponent refersTo="#secondCommittee">[on the report of the Second Committee (<inline name="originating document">A/{s}/{r}</inline>)]</docProponent>
      </p>
    </coverPage>
    <preface>
      <p>
        <docNumber>{s}/{n}.</docNumber>
        <docTitle refersTo="#resolutionTitle">
          <span class="bold">\t{title}</span>
        </docTitle>
      </p>
    </preface>
    <preamble>
      <formula name="enactingFormula" eId="formula_1">
        <p xml:space="preserve">
          <span class="italic">The General Assembly</span>,</p>
      </formula>
"""


def ga_akn(p, voc):
    """A GA resolution as the AKN4UN XML the UN publishes: what makes its 47 kB."""
    t = GA["en"]
    iso = "%04d-%02d-%02d" % (p.year, p.month, p.day)
    d = date("en", p.year, p.month, p.day)
    out = [AKN_HEAD.format(iso=iso, s=p.session, n=p.number, date=d, r=p.report,
                           title=esc(voc.text(p.title).capitalize()))]
    k = 1

    def container(lead, body):
        nonlocal k
        k += 1
        out.append('      <container name="%s" eId="container_%d">\n        <p xml:space="preserve">\t'
                   '<span class="italic">%s</span> %s</p>\n      </container>\n' % (lead.split()[0], k, lead, body))
    if p.pred is not None:
        ref = "%d/%d" % (p.pred.session, p.pred.number)
        link = '<a href="https://undocs.org/en/A/RES/%s">%s</a>' % (ref, ref)
        container("Recalling", "its resolution %s of %s," % (link, date("en", p.pred.year, p.pred.month, p.pred.day)))
        if p.cite_para:
            container("Recalling", "paragraph %d of its resolution %s," % (p.cite_para, link))
    for i, para in enumerate(p.pp):
        container(t["leads"][i % len(t["leads"])], esc(voc.text(para)) + ",")
    out.append("    </preamble>\n    <mainBody>\n")
    for j, (v, para, items) in enumerate(p.op, 1):
        end = "." if j == len(p.op) else ";"
        lead = '<span class="italic">%s</span>' % t["verbs"][v]
        out.append('      <paragraph eId="para_%d" class="SingleTxt">\n        <num>%d.</num>\n' % (j, j))
        if items:
            out.append('        <list eId="para_%d_list">\n          <intro eId="para_%d_list_intro">\n'
                       '            <p xml:space="preserve">\t%s %s:</p>\n          </intro>\n' % (j, j, lead, esc(voc.text(para))))
            for m, it in enumerate(items):
                c = chr(ord("a") + m)
                out.append('          <point eId="para_%d_list_point_%s">\n            <num>(%s)</num>\n'
                           '            <content eId="para_%d_list_point_%s__content">\n'
                           '              <p xml:space="preserve">\t%s;</p>\n            </content>\n'
                           '          </point>\n' % (j, c, c, j, c, esc(voc.text(it))))
            out.append("        </list>\n")
        else:
            out.append('        <content eId="para_%d__content">\n          <p xml:space="preserve">\t%s %s%s</p>\n'
                       '        </content>\n' % (j, lead, esc(voc.text(para)), end))
        out.append("      </paragraph>\n")
    out.append('    </mainBody>\n    <conclusions eId="conclusions">\n      <p>\n        <event refersTo="#adoption">\n'
               '          <location title="%s" refersTo="#adoptionMeeting">%s plenary meeting</location>\n'
               '          <eol />\n          <docDate date="%s" refersTo="#adoptionDate">%s</docDate>\n'
               '        </event>\n      </p>\n    </conclusions>\n  </statement>\n</akomaNtoso>\n'
               % (nth(p.meeting), nth(p.meeting), iso, d))
    return "".join(out)


def sc_text(p, lang, voc):
    t = SC[lang]
    out = [t["head"].format(n=p.number, y=p.year, k=p.meeting, date=date(lang, p.year, p.month, p.day)), "",
           t["open"], ""]
    if p.pred is not None:
        out += [wrap(lang, t["recall"].format(ref="%d (%d)" % (p.pred.number, p.pred.year))), ""]
    for i, para in enumerate(p.pp):
        out += [wrap(lang, "%s %s," % (t["leads"][i % len(t["leads"])], voc.text(para))), ""]
    for k, (v, para, _) in enumerate(p.op, 1):
        out += [wrap(lang, "%d. %s %s;" % (k, t["verbs"][v], voc.text(para))), ""]
    out += ["%d. %s" % (len(p.op) + 1, t["last"]), ""]
    return "\n".join(out) + "\n"


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    outdir = args.pop(0)
    opts = {"--ga": "1900", "--sc": "2700", "--sessions": "75-80", "--langs": "en", "--per-file": "1",
            "--shape": "text"}
    while args:
        k = args.pop(0)
        if k not in opts or not args:
            sys.exit("genlib.py: bad option %s" % k)
        opts[k] = args.pop(0)
    nga, nsc, per = int(opts["--ga"]), int(opts["--sc"]), int(opts["--per-file"])
    akn = opts["--shape"] == "akn"
    s0, s1 = (int(x) for x in opts["--sessions"].split("-"))
    langs = opts["--langs"].split(",")
    rng = random.Random(14)
    cum = make_cum()
    vocs = {l: Vocab(l) for l in langs}
    sessions = list(range(s0, s1 + 1))
    plans, by_title = [], []
    # General Assembly: resolutions spread over the sessions, half of them in series
    for i in range(nga):
        s = sessions[i * len(sessions) // max(nga, 1)]
        n = i - (i * len(sessions) // max(nga, 1)) * (nga // len(sessions)) + 1
        pred = None
        older = [q for q in by_title if q.session < s and q.session >= s - 3]
        if older and rng.random() < 0.5:
            pred = older[rng.randrange(len(older))]
        p = ga_plan(rng, cum, s, n, pred)
        plans.append(p)
        by_title.append(p)
        if len(by_title) > 600:
            by_title = by_title[-600:]
    scp = []
    for i in range(nsc):
        year = 1946 + i * 78 // max(nsc, 1)
        pred = scp[-rng.randint(1, min(30, len(scp)))] if scp and rng.random() < 0.3 else None
        p = sc_plan(rng, cum, i + 1, year, pred)
        scp.append(p)
    os.makedirs(outdir, exist_ok=True)
    files = docs = nbytes = 0
    for lang in langs:
        for organ, ps in (("ga", plans), ("sc", scp if lang in SC else [])):
            d = os.path.join(outdir, "docs", lang, organ)
            os.makedirs(d, exist_ok=True)
            for start in range(0, len(ps), per):
                chunk = ps[start:start + per]
                if organ == "ga" and akn and lang == "en" and per == 1:
                    body = ga_akn(chunk[0], vocs[lang])
                    name = "A_RES_%d_%d.xml" % (chunk[0].session, chunk[0].number)
                elif organ == "ga":
                    body = "".join(ga_text(p, lang, vocs[lang]) for p in chunk)
                    name = "%s-%03d-%04d.txt" % (organ, chunk[0].session, chunk[0].number) if per == 1 \
                        else "%s-%05d.txt" % (organ, start // per)
                else:
                    body = "".join(sc_text(p, lang, vocs[lang]) for p in chunk)
                    name = "%s-%04d.txt" % (organ, chunk[0].number) if per == 1 else "%s-%05d.txt" % (organ, start // per)
                with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                    f.write(body)
                files += 1
                docs += len(chunk)
                nbytes += len(body.encode())
    # what the benchmark asks about: a phrase, a paragraph with earlier uses and its file
    probe = {}
    series = [p for p in plans if p.pred is not None and p.op and p.pred.pred is not None] or \
        [p for p in plans if p.pred is not None and p.op]
    if series and "en" in langs:
        p = series[len(series) // 2]
        k = next((k for k, (v, para, _) in enumerate(p.op, 1)
                  if any(para == x for _, x, _ in p.pred.op)), 1)
        probe["used_symbol"] = "A/RES/%d/%d" % (p.session, p.number)
        probe["used_para"] = "op%d" % k
        probe["phrase"] = vocs["en"].text(p.op[k - 1][1][3:6])
        probe["file"] = os.path.join(outdir, "docs", "en", "ga", ("A_RES_%d_%d.xml" if akn else "ga-%03d-%04d.txt")
                                     % (p.session, p.number)) if per == 1 else None
    probe["common_phrase"] = "United Nations"
    with open(os.path.join(outdir, "probe.json"), "w") as f:
        json.dump(probe, f)
    print("files=%d docs=%d bytes=%d" % (files, docs, nbytes))


if __name__ == "__main__":
    main()
