package lexicon

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"strings"
)

//go:generate go run ./internal/prepare -o data/prepared.bin

// preparedData is the prepared form of the TSV files (see prepare.go).
//
//go:embed data/prepared.bin
var preparedData string

// Load returns the lexicon of the embedded data files, read from their
// prepared form (data/prepared.bin). Build makes the same lexicon from the
// TSV files themselves.
func Load() (*Lexicon, error) {
	l, err := readPrepared(preparedData)
	if err != nil {
		return nil, fmt.Errorf("lexicon: data/prepared.bin (regenerate it with go generate ./lexicon): %w", err)
	}
	return l, nil
}

// decoder reads the prepared form. Its strings are substrings of the data,
// so reading allocates only the tables. The first error sticks: later reads
// return zero values.
type decoder struct {
	s         string
	off       int // read position in s
	err       error
	countries []*Country
	orgs      []*Org
	places    []Place
}

var errTruncated = errors.New("truncated")

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uint() uint64 {
	// Most numbers are one byte: references to the first 127 entries,
	// lengths, flags.
	if d.off < len(d.s) && d.s[d.off] < 0x80 {
		d.off++
		return uint64(d.s[d.off-1])
	}
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.off >= len(d.s) {
			d.fail(errTruncated)
			return 0
		}
		b := d.s[d.off]
		d.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	d.fail(errors.New("bad varint"))
	return 0
}

// count reads a number of items that each take at least one byte, so that
// a corrupt count cannot ask for more than the data holds.
func (d *decoder) count() int {
	n := d.uint()
	if left := uint64(len(d.s) - d.off); n > left {
		d.fail(fmt.Errorf("count %d exceeds the %d bytes left", n, left))
		return 0
	}
	return int(n)
}

func (d *decoder) int() int {
	v := d.uint()
	if v > math.MaxInt32 {
		d.fail(fmt.Errorf("number %d out of range", v))
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count()
	d.off += n
	return d.s[d.off-n : d.off]
}

// float reads a float64 as its 8 bytes, little-endian.
func (d *decoder) float() float64 {
	if len(d.s)-d.off < 8 {
		d.fail(errTruncated)
		d.off = len(d.s)
		return 0
	}
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(d.s[d.off+i])
	}
	d.off += 8
	return math.Float64frombits(v)
}

func (d *decoder) bool() bool { return d.uint() != 0 }

// list reads a string list into the shared backing array *back.
func (d *decoder) list(back *[]string) []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	start := len(*back)
	for range n - 1 {
		*back = append(*back, d.str())
	}
	return (*back)[start:len(*back):len(*back)]
}

// ref reads a reference into a table of n entries: its index, or -1 for nil.
func (d *decoder) ref(n int) int {
	i := d.int() - 1
	if i >= n {
		d.fail(fmt.Errorf("reference %d into a table of %d", i, n))
		return -1
	}
	return i
}

func (d *decoder) country() *Country {
	if i := d.ref(len(d.countries)); i >= 0 {
		return d.countries[i]
	}
	return nil
}

func (d *decoder) org() *Org {
	if i := d.ref(len(d.orgs)); i >= 0 {
		return d.orgs[i]
	}
	return nil
}

func (d *decoder) place() *Place {
	if i := d.ref(len(d.places)); i >= 0 {
		return &d.places[i]
	}
	return nil
}

// readPrepared reads the prepared form written by Lexicon.prepared.
func readPrepared(data string) (*Lexicon, error) {
	rest, ok := strings.CutPrefix(data, preparedMagic)
	if !ok {
		return nil, errors.New("not a prepared lexicon of this version")
	}
	d := &decoder{s: data, off: len(data) - len(rest)}
	l := &Lexicon{}
	var back []string
	d.readCountries(l, &back)
	d.readOrgs(l, &back)
	l.nplaces = d.int()
	d.readPlaces()
	for _, m := range []*map[string]*Country{&l.byCode, &l.byName, &l.byDemonym, &l.bySeat, &l.upName, &l.upDemonym, &l.upSeat} {
		*m = d.countryTable()
	}
	l.orgs = d.orgTable()
	l.domains = d.orgTable()
	d.readPlaceTables(l)
	d.readIndex(&l.exact)
	if d.err == nil && d.off != len(d.s) {
		d.fail(fmt.Errorf("%d bytes after the index", len(d.s)-d.off))
	}
	if d.err != nil {
		return nil, fmt.Errorf("at byte %d: %w", d.off, d.err)
	}
	return l, nil
}

func (d *decoder) readCountries(l *Lexicon, back *[]string) {
	n := d.count()
	store := make([]Country, n)
	l.countries = make([]*Country, n)
	for i := range store {
		c := &store[i]
		c.ISO2, c.ISO3, c.CAMEO, c.Name = d.str(), d.str(), d.str(), d.str()
		c.Aliases = d.list(back)
		c.Demonyms = d.list(back)
		c.Capital = d.str()
		c.Seats = d.list(back)
		c.Lat, c.Lon = d.float(), d.float()
		l.countries[i] = c
	}
	d.countries = l.countries
}

func (d *decoder) readOrgs(l *Lexicon, back *[]string) {
	n := d.count()
	store := make([]Org, n)
	l.orgList = make([]*Org, n)
	for i := range store {
		o := &store[i]
		o.Name, o.Kind, o.Country, o.CAMEO = d.str(), d.str(), d.str(), d.str()
		o.Aliases = d.list(back)
		o.Ambiguous = d.list(back)
		l.orgList[i] = o
	}
	d.orgs = l.orgList
}

func (d *decoder) readPlaces() {
	d.places = make([]Place, d.count())
	for i := range d.places {
		p := &d.places[i]
		p.Name, p.Kind, p.Country = d.str(), d.str(), d.str()
		p.Lat, p.Lon = d.float(), d.float()
		p.Population = d.int()
	}
}

func (d *decoder) countryTable() map[string]*Country {
	n := d.count()
	m := make(map[string]*Country, n)
	for range n {
		k := d.str()
		if c := d.country(); c != nil {
			m[k] = c
		}
	}
	return m
}

func (d *decoder) orgTable() map[string]*Org {
	n := d.count()
	m := make(map[string]*Org, n)
	for range n {
		k := d.str()
		if o := d.org(); o != nil {
			m[k] = o
		}
	}
	return m
}

func (d *decoder) readPlaceTables(l *Lexicon) {
	n := d.count()
	l.countryAt = make(map[string]*Place, n)
	for range n {
		k := d.str()
		if p := d.place(); p != nil {
			l.countryAt[k] = p
		}
	}
	n = d.count()
	l.capitals = make(map[*Place]*Country, n)
	for range n {
		p, c := d.place(), d.country()
		if p != nil && c != nil {
			l.capitals[p] = c
		}
	}
}

// readIndex reads the surface index and rebuilds its maps, group by group.
func (d *decoder) readIndex(ix *index) {
	ncands := d.count()
	back := make([]string, 0, d.count()) // every candidate's rest
	ngroups := d.count()
	ix.cands = make([]candidate, 0, ncands)
	ix.first = make(map[string]span, ngroups)
	ix.second = make(map[pair]span, 1024)
	for range ngroups {
		w := d.str()
		n := d.count()
		if n == 0 || n > ncands-len(ix.cands) {
			d.fail(fmt.Errorf("group %q: %d candidates where %d are left", w, n, ncands-len(ix.cands)))
		}
		if d.err != nil {
			return
		}
		start := int32(len(ix.cands))
		for range n {
			ix.cands = append(ix.cands, d.candidate(w, &back))
		}
		ix.first[w] = ix.group(w, start, int32(len(ix.cands)))
	}
}

func (d *decoder) candidate(first string, back *[]string) candidate {
	c := candidate{first: first}
	if n := d.count(); n > 0 {
		start := len(*back)
		for range n {
			*back = append(*back, d.str())
		}
		c.rest = (*back)[start:len(*back):len(*back)]
	}
	c.m.Words = d.int()
	c.m.Country, c.m.Demonym, c.m.Seat = d.country(), d.country(), d.country()
	c.m.Place = d.place()
	c.m.Org = d.org()
	c.m.Ambiguous = d.bool()
	c.ok = d.bool()
	c.place = d.place()
	return c
}
