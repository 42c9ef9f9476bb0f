package quote

import "github.com/parley-news/parley"

// headlineColon reads "Trump: My immigration plans aren't set in stone." and
// "Gerald F. Seib, The Wall Street Journal: “…”" — a source named at the start
// of a paragraph, a colon, and what the source said.
func (r *run) headlineColon(si int) {
	s := r.d.Sentences[si]
	if si > 0 && r.d.Sentences[si-1].Para == s.Para {
		return // only at the start of a paragraph
	}
	colon := -1
	for k := s.First; k < s.Last && k-s.First < 10; k++ {
		if r.low(k) == ":" {
			colon = k
			break
		}
		if !(r.isWord(k) || r.low(k) == "," || r.low(k) == "." || r.kind(k) == parley.Possessive) || r.isFiniteSpeechVerb(k) && !r.d.Tokens[k].Is(parley.Cap) {
			return
		}
	}
	if colon <= s.First || colon+3 > s.Last {
		return
	}
	if labelWord[r.low(s.First)] {
		return // "Photo:", "Editor's Note:", "Update:"
	}
	var sp speaker
	end := colon
	if c := r.indexOf(s.First, colon, ","); c > 0 {
		// "Gerald F. Seib, The Wall Street Journal:" — but not "Then, later that month on CNN:"
		if ref := r.ents.RefAt(colon - 1); ref == nil || ref.First != c+1 && !(ref.First == c+2 && r.low(c+1) == "the") {
			return
		}
		end = c
	}
	if ref := r.ents.RefAt(end - 1); ref != nil && ref.Last == end && r.ents.Entities[ref.Entity].Type != parley.Place {
		sp = speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
	} else {
		for k := s.First; k < end; k++ {
			if r.isWord(k) && !r.d.Tokens[k].Is(parley.Cap) {
				return // a sentence with a colon, not a label
			}
		}
		sp = speaker{first: s.First, last: end, entity: -1, label: r.d.Text[r.d.Tokens[s.First].Start:r.d.Tokens[end-1].End], ok: true}
	}
	q := found{sp: sp, cue: colon, cueEnd: colon + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	end = s.Last
	for end > colon+1 && r.kind(end-1) == parley.Punct && r.isFinalPunct(end-1) {
		end--
	}
	r.setContent(&q, colon+1, end)
	if q.cLast-q.cFirst < 3 || r.listItem(si, q.cFirst, q.cLast) {
		return
	}
	r.cueUsed[colon] = true
	r.add(q)
}

// listItem reports a "Name: details" paragraph of a list that a colon
// introduces ("the following charges:" then "A. Burton: Possession of …"):
// an entry, not a transcript line, when its text is no clause (no pronoun
// subject, no auxiliary). The entries that follow are items too.
func (r *run) listItem(si, a, b int) bool {
	for k := a; k < b; k++ {
		if isSubjectPronoun(r.low(k)) || isAuxiliary(r.low(k)) || r.kind(k) == parley.OpenQuote || r.kind(k) == parley.StraightQuote {
			return false
		}
	}
	if si == 0 {
		return false
	}
	prev := r.d.Sentences[si-1]
	if r.low(prev.Last-1) == ":" || r.listParas[prev.Para] {
		r.listParas[r.d.Sentences[si].Para] = true
		return true
	}
	return false
}
