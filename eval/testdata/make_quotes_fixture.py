#!/usr/bin/env python3
"""Writes quotes_gold.jsonl and quotes_pred.jsonl (hand-written text, no
shared data) and, with the reference scorer, quotes_fixture.golden.json:
  python3 make_quotes_fixture.py && python3 ../../../shared/tools/score_quotes.py \
      quotes_gold.jsonl quotes_pred.jsonl --out quotes_fixture.golden.json
"""
import json


def q(text, content, speaker=None, typ=None, frags=None):
    cs = text.index(content)
    d = {"content": content, "content_start": cs, "content_end": cs + len(content)}
    if frags:
        d["fragments"] = [[text.index(f, cs), text.index(f, cs) + len(f)] for f in frags]
    if speaker is None:
        d.update(speaker=None, speaker_start=None, speaker_end=None)
    else:
        s = text.index(speaker)
        d.update(speaker=speaker, speaker_start=s, speaker_end=s + len(speaker))
    d["type"] = typ
    return d


def p(text, content, speaker=None, offsets=True, shift=(0, 0), at=None):
    cs = text.index(content)
    d = {"content": content, "speaker": speaker}
    if offsets:
        d["content_start"] = cs + shift[0]
        d["content_end"] = cs + len(content) + shift[1]
    if at is not None:
        s = text.index(at)
        d["speaker_start"], d["speaker_end"] = s, s + len(at)
    return d


t1 = ("“We will not back down,” said Senator Jane Okafor, who chairs the committee. "
      "Okafor added that the vote would happen “before the recess, no matter what.”\n"
      "“The plan is dead,” she said, “and everyone knows it.”\n"
      "Officials said the talks in Zürich — the third round — had stalled.")
t2 = ("Mr. Ødegaard’s spokesman said on Monday: \"There is no deal yet.\" 🙂 "
      "According to sources familiar with the matter, a deal is close.\n"
      "''We are optimistic,'' the minister told reporters. An unnamed aide said nothing more would be said.")
t3 = "No quotes at all here. Just a sentence."
t4 = "“Short,” he said. « Bonjour à tous », a dit le président Macron. ``Tick tock,'' İsmail said."
gold = [
    {"id": "doc-1", "text": t1, "quotes": [
        q(t1, "We will not back down,", "Senator Jane Okafor, who chairs the committee", "direct"),
        q(t1, "the vote would happen “before the recess, no matter what.”", "Okafor", "mixed"),
        q(t1, "The plan is dead,” she said, “and everyone knows it.", "she", "direct",
          frags=["The plan is dead,", "and everyone knows it."]),
        q(t1, "the talks in Zürich — the third round — had stalled", "Officials", "indirect")]},
    {"id": "doc-2", "text": t2, "quotes": [
        q(t2, "There is no deal yet.", "Mr. Ødegaard’s spokesman", "direct"),
        q(t2, "a deal is close", "sources familiar with the matter", "indirect"),
        q(t2, "We are optimistic,", "the minister", "direct"),
        q(t2, "nothing more would be said", None, "indirect")]},
    {"id": "doc-3", "text": t3, "quotes": []},
    {"id": "doc-4", "text": t4, "quotes": [
        q(t4, "Short,", "he", "direct"),
        q(t4, "Bonjour à tous", "le président Macron", "direct"),
        q(t4, "Tick tock,", "İsmail", None)]},
]
pred = [
    {"id": "doc-1", "quotes": [
        p(t1, "“We will not back down,”", "Jane Okafor", at="Jane Okafor"),  # marks included; head overlap
        p(t1, "before the recess, no matter what.", "Jane Okafor"),  # part of a mixed quote
        p(t1, "The plan is dead,", "Jane Okafor"),  # first fragment; last-name rule fails ("she")
        p(t1, "and everyone knows it.", "Okafor"),  # second fragment: ignored split
        p(t1, "Officials said the talks", "Zürich")]},  # low Jaccard: false positive
    {"id": "doc-2", "quotes": [
        p(t2, "\"There is no deal yet.\"", "Ødegaard"),  # possessive and title removed
        p(t2, "a deal is close", "sources"),  # subset rule
        p(t2, "We are optimistic,", "Minister", shift=(-2, 2)),
        p(t2, "nothing more would be said", None, offsets=False),  # located by content; null speaker
        p(t2, "🙂 According", "Nobody")]},  # indirect false positive
    {"id": "doc-3", "quotes": [p(t3, "Just a sentence", "Someone")]},
    {"id": "doc-4", "quotes": [
        p(t4, "Short,", "Pat Smith", at="he"),  # resolved name pointing at the gold pronoun
        p(t4, "« Bonjour à tous »", "Emmanuel Macron"),
        p(t4, "Tick tock", "ismail")]},
    {"id": "doc-extra", "quotes": [{"content_start": 0, "content_end": 5, "speaker": "X"}]},
]
for name, docs in (("quotes_gold.jsonl", gold), ("quotes_pred.jsonl", pred)):
    with open(name, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
