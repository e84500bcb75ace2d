"""One spelling for the whole site: US English, as AWS and the exams write it, so that a learner reads
the words the exam uses and search finds one form. `uk_spellings(text)` lists what to change."""

from __future__ import annotations

import re

# Verb stems that UK English writes with -ise/-isation and US English with -ize/-ization.
IZE_STEMS = (
    "optimi minimi maximi normali standardi tokeni summari organi recogni customi visuali generali memori "
    "regulari quanti randomi anonymi initiali containeri personali utili prioriti categori characteri winsori "
    "lemmati saniti locali operationali factori discreti centrali reali speciali stabili digiti vectori "
    "paralleli seriali authori finali emphasi synthesi apologi moderni industriali materiali capitali "
    "hospitali criti monopoli economi mobili neutrali penali publici scrutini symboli theori"
).split()
IZE = re.compile(r"\b(\w*(?:" + "|".join(IZE_STEMS) + r"))s(e|ed|es|ing|ation|ations|er|ers)\b", re.I)

WORDS = {
    "labelled": "labeled", "labelling": "labeling", "unlabelled": "unlabeled", "relabelled": "relabeled",
    "modelling": "modeling", "modelled": "modeled", "travelled": "traveled", "cancelled": "canceled",
    "cancelling": "canceling", "signalled": "signaled", "labeller": "labeler", "labellers": "labelers",
    "colour": "color", "colours": "colors", "coloured": "colored", "behaviour": "behavior", "behaviours": "behaviors",
    "neighbour": "neighbor", "neighbours": "neighbors", "favour": "favor", "favours": "favors", "favoured": "favored",
    "favourite": "favorite", "honour": "honor", "labour": "labor", "rumour": "rumor", "flavour": "flavor",
    "centre": "center", "centres": "centers", "centred": "centered", "metre": "meter", "metres": "meters",
    "litre": "liter", "litres": "liters", "fibre": "fiber",
    "catalogue": "catalog", "catalogues": "catalogs", "catalogued": "cataloged", "cataloguing": "cataloging",
    "dialogue box": "dialog box", "analogue": "analog",
    "analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing", "analyser": "analyzer",
    "paralyse": "paralyze", "catalyse": "catalyze",
    "licence": "license", "licences": "licenses", "defence": "defense", "offence": "offense",
    "artefact": "artifact", "artefacts": "artifacts", "grey": "gray", "judgement": "judgment",
    "learnt": "learned", "spelt": "spelled", "whilst": "while", "amongst": "among", "programme": "program",
    "programmes": "programs", "practise": "practice", "practised": "practiced", "practising": "practicing",
    "enrol": "enroll", "fulfil": "fulfill", "skilful": "skillful", "instalment": "installment",
    "ageing": "aging", "sceptical": "skeptical", "towards": "toward", "aluminium": "aluminum",
}
WORD = re.compile(r"\b(" + "|".join(sorted(map(re.escape, WORDS), key=len, reverse=True)) + r")\b", re.I)
# Names that keep their own spelling: products and proper nouns.
KEEP = ("Lustre", "Lustre's")


def _match_case(src: str, new: str) -> str:
    if src.isupper():
        return new.upper()
    if src[0].isupper():
        return new[0].upper() + new[1:]
    return new


def uk_spellings(text: str) -> list[tuple[str, str]]:
    """(UK form, US form) for every UK spelling in `text`."""
    found = [(m.group(0), _match_case(m.group(0), WORDS[m.group(0).lower()])) for m in WORD.finditer(text)]
    found += [(m.group(0), m.group(1) + "z" + m.group(2)) for m in IZE.finditer(text)]
    return found
