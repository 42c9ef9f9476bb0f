package entity

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/ner"
)

// What a capitalised chunk names when it holds a role, an "and" or a given
// name beside a gazetteer word: the readings of readChunk that decide
// between an organisation's name and a person's.

// joinedByAnd reports whether the "and" at j joins two words inside one
// name that has an "of" or "for" in it ("Department of Health and Human
// Services") rather than two names ("Bank of England and Barclays",
// "Ukraine's Anna Kovac and Boris Lenk"): no given name in the chunk and no
// known name on either side of the "and".
func (w *work) joinedByAnd(i, j, last int) bool {
	if j+1 >= last || !w.isCapWord(j+1) || isStopCap(w.low(j+1)) {
		return false
	}
	conn := -1
	for k := i + 1; k < j-1; k++ {
		if t := w.tok(k); t == "of" || t == "for" {
			conn = k
		}
	}
	if conn < 0 || w.holdsGivenName(i, j+2) {
		return false
	}
	if kn, ok := w.r.gaz.Known(w.words(conn+1, j)); ok && kn.Words == j-conn-1 {
		return false
	}
	_, ok := w.r.gaz.Known(w.words(j+1, min(j+4, last)))
	return !ok
}

// afterRoleOf returns the pieces after a leading role and "of" ("CEO of
// Acme Group" gives "Acme Group"): the organisation, not the role in it.
// An organisation word that is also a role ("Ministry of ...") stays.
func (w *work) afterRoleOf(pieces []piece) []piece {
	for k, p := range pieces {
		switch {
		case p.kind == pRole && p.role.Kind&lexicon.RoleNoun != 0 && !w.r.roles.Is(w.low(p.last-1), lexicon.OrgWord|lexicon.Body):
			continue
		case k > 0 && k+1 < len(pieces) && p.kind == pConn && w.tok(p.first) == "of":
			return pieces[k+1:]
		}
		break
	}
	return pieces
}

// andInName reports whether the chunk [i, j) holds an "and".
func (w *work) andInName(i, j int) bool {
	for k := i + 1; k < j-1; k++ {
		if w.tok(k) == "and" {
			return true
		}
	}
	return false
}

// roleOfName reports whether the name [a, b) follows a role and "of" ("the
// CEO of DH", "chairman of Acme"): what a role is of is an organisation,
// unless the name holds a given name ("Head of Research Anna Kovac").
func (w *work) roleOfName(pre []piece, a, b int) bool {
	n := len(pre)
	if n < 2 || pre[n-1].kind != pConn || w.tok(pre[n-1].first) != "of" || pre[n-2].kind != pRole {
		return false
	}
	return !w.holdsGivenName(a, b)
}

// holdsGivenName reports whether a word of [a, b) is a known given name.
func (w *work) holdsGivenName(a, b int) bool {
	for k := a; k < b; k++ {
		if w.d.Tokens[k].Kind == parley.Word && w.r.roles.GivenNameGender(w.tok(k)) != lexicon.UnknownGender {
			return true
		}
	}
	return false
}

// givenNameOfPerson reports whether a one-word known name at k is the given
// name of a person the model reads with the next word ("Leonardo Mayer",
// where the gazetteer knows a company "Leonardo"): a given name is
// evidence the gazetteer's entry does not outweigh.
func (w *work) givenNameOfPerson(kn Known, k, j int) bool {
	if w.mt == nil || kn.Words != 1 || kn.Kind == "country" || k+1 >= j || !w.isCapWord(k+1) ||
		w.r.roles.GivenNameGender(w.tok(k)) == lexicon.UnknownGender {
		return false
	}
	return w.mt.typ[k] == ner.Person && w.mt.typ[k+1] == ner.Person && !w.mt.begin[k+1]
}
