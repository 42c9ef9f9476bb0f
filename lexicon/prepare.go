package lexicon

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
)

// The prepared form (data/prepared.bin) is the built lexicon written out, so
// that Load reads it instead of building it from the TSV files at every
// start: parsing and indexing 40,000 surface forms cost 70 ms and 30 MB,
// reading the result 10 ms. Prepare writes it; Load reads it; a test fails
// when it is out of step with the TSV files (regenerate it with
// `go generate ./lexicon`).
//
// Layout: the magic line, then sections of unsigned varints and strings
// (a varint length and the bytes): countries, organisations, places, the
// name tables, the surface index. References are indexes into the
// countries, organisations and places sections, plus one (0 is nil). A
// string list is its length plus one (0 is a nil slice), then its strings.
// Everything is written in a deterministic order, so the same TSV files
// give the same bytes.
const preparedMagic = "parley-lexicon 1\n"

// Prepare builds the lexicon from the TSV files and writes its prepared
// form to w.
func Prepare(w io.Writer) error {
	l, err := Build()
	if err != nil {
		return err
	}
	b, err := l.prepared()
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("lexicon: writing the prepared form: %w", err)
	}
	return nil
}

// encoder writes the prepared form; ids number the places as they are met.
type encoder struct {
	buf       bytes.Buffer
	countries map[*Country]int
	orgs      map[*Org]int
	places    map[*Place]int
	order     []*Place
	groups    []string // the index's first tokens, sorted
	tmp       [binary.MaxVarintLen64]byte
}

// prepared returns the prepared form of l.
func (l *Lexicon) prepared() ([]byte, error) {
	e := &encoder{
		countries: make(map[*Country]int, len(l.countries)),
		orgs:      make(map[*Org]int, len(l.orgList)),
		places:    make(map[*Place]int, l.nplaces),
		groups:    slices.Sorted(maps.Keys(l.exact.first)),
	}
	for i, c := range l.countries {
		e.countries[c] = i
	}
	for i, o := range l.orgList {
		e.orgs[o] = i
	}
	e.numberPlaces(l)
	e.buf.WriteString(preparedMagic)
	e.writeCountries(l.countries)
	e.writeOrgs(l.orgList)
	e.writePlaces(l.nplaces)
	for _, m := range []map[string]*Country{l.byCode, l.byName, l.byDemonym, l.bySeat, l.upName, l.upDemonym, l.upSeat} {
		if err := e.writeCountryTable(m); err != nil {
			return nil, err
		}
	}
	for _, m := range []map[string]*Org{l.orgs, l.domains} {
		if err := e.writeOrgTable(m); err != nil {
			return nil, err
		}
	}
	if err := e.writePlaceTables(l); err != nil {
		return nil, err
	}
	if err := e.writeIndex(&l.exact); err != nil {
		return nil, err
	}
	return e.buf.Bytes(), nil
}

// numberPlaces gives every place the lexicon refers to an id, in the order
// the tables below meet them.
func (e *encoder) numberPlaces(l *Lexicon) {
	see := func(p *Place) {
		if _, ok := e.places[p]; p != nil && !ok {
			e.places[p] = len(e.order)
			e.order = append(e.order, p)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(l.countryAt)) {
		see(l.countryAt[k])
	}
	for _, w := range e.groups {
		sp := l.exact.first[w]
		for i := sp.start; i < sp.end; i++ {
			see(l.exact.cands[i].place)
			see(l.exact.cands[i].m.Place)
		}
	}
	// Capitals that no surface names (a capital-feature city whose name
	// another place has) are met last, in the order of their countries.
	byCountry := make(map[*Country]*Place, len(l.capitals))
	for p, c := range l.capitals {
		byCountry[c] = p
	}
	for _, c := range l.countries {
		see(byCountry[c])
	}
}

func (e *encoder) uint(v uint64) { e.buf.Write(binary.AppendUvarint(e.tmp[:0], v)) }

func (e *encoder) int(v int) { e.uint(uint64(v)) }

func (e *encoder) str(s string) {
	e.int(len(s))
	e.buf.WriteString(s)
}

func (e *encoder) float(f float64) {
	e.buf.Write(binary.LittleEndian.AppendUint64(e.tmp[:0], math.Float64bits(f)))
}

func (e *encoder) list(xs []string) {
	if xs == nil {
		e.int(0)
		return
	}
	e.int(len(xs) + 1)
	for _, x := range xs {
		e.str(x)
	}
}

func (e *encoder) bool(b bool) {
	if b {
		e.int(1)
	} else {
		e.int(0)
	}
}

// ref writes a reference: the index plus one, or 0 for nil.
func ref[T comparable](e *encoder, ids map[T]int, v T) error {
	var zero T
	if v == zero {
		e.int(0)
		return nil
	}
	i, ok := ids[v]
	if !ok {
		return fmt.Errorf("lexicon: preparing: a reference to an entry of no table (%v)", v)
	}
	e.int(i + 1)
	return nil
}

func (e *encoder) writeCountries(cs []*Country) {
	e.int(len(cs))
	for _, c := range cs {
		e.str(c.ISO2)
		e.str(c.ISO3)
		e.str(c.CAMEO)
		e.str(c.Name)
		e.list(c.Aliases)
		e.list(c.Demonyms)
		e.str(c.Capital)
		e.list(c.Seats)
		e.float(c.Lat)
		e.float(c.Lon)
	}
}

func (e *encoder) writeOrgs(os []*Org) {
	e.int(len(os))
	for _, o := range os {
		e.str(o.Name)
		e.str(o.Kind)
		e.str(o.Country)
		e.str(o.CAMEO)
		e.list(o.Aliases)
		e.list(o.Ambiguous)
	}
}

func (e *encoder) writePlaces(nplaces int) {
	e.int(nplaces)
	e.int(len(e.order))
	for _, p := range e.order {
		e.str(p.Name)
		e.str(p.Kind)
		e.str(p.Country)
		e.float(p.Lat)
		e.float(p.Lon)
		e.int(p.Population)
	}
}

func (e *encoder) writeCountryTable(m map[string]*Country) error {
	e.int(len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.str(k)
		if err := ref(e, e.countries, m[k]); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) writeOrgTable(m map[string]*Org) error {
	e.int(len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.str(k)
		if err := ref(e, e.orgs, m[k]); err != nil {
			return err
		}
	}
	return nil
}

// writePlaceTables writes countryAt (surface → place) and the capitals
// (place → country, by place id).
func (e *encoder) writePlaceTables(l *Lexicon) error {
	e.int(len(l.countryAt))
	for _, k := range slices.Sorted(maps.Keys(l.countryAt)) {
		e.str(k)
		if err := ref(e, e.places, l.countryAt[k]); err != nil {
			return err
		}
	}
	caps := slices.SortedFunc(maps.Keys(l.capitals), func(p, q *Place) int { return e.places[p] - e.places[q] })
	e.int(len(caps))
	for _, p := range caps {
		if err := ref(e, e.places, p); err != nil {
			return err
		}
		if err := ref(e, e.countries, l.capitals[p]); err != nil {
			return err
		}
	}
	return nil
}

// writeIndex writes the surface index group by group, in the order of the
// first tokens; within a group the candidates keep the order finish gave
// them, which the lookups rely on.
func (e *encoder) writeIndex(ix *index) error {
	e.int(len(ix.cands))
	words := 0
	for i := range ix.cands {
		words += len(ix.cands[i].rest)
	}
	e.int(words)
	e.int(len(e.groups))
	for _, w := range e.groups {
		sp := ix.first[w]
		e.str(w)
		e.int(int(sp.end - sp.start))
		for i := sp.start; i < sp.end; i++ {
			if err := e.writeCandidate(&ix.cands[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

func (e *encoder) writeCandidate(c *candidate) error {
	e.int(len(c.rest))
	for _, r := range c.rest {
		e.str(r)
	}
	e.int(c.m.Words)
	for _, x := range []*Country{c.m.Country, c.m.Demonym, c.m.Seat} {
		if err := ref(e, e.countries, x); err != nil {
			return err
		}
	}
	if err := ref(e, e.places, c.m.Place); err != nil {
		return err
	}
	if err := ref(e, e.orgs, c.m.Org); err != nil {
		return err
	}
	e.bool(c.m.Ambiguous)
	e.bool(c.ok)
	return ref(e, e.places, c.place)
}
