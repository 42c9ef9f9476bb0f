package syntax

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// decoder reads the uncompressed model file; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("truncated or corrupt at %s", what)
	}
	d.b = nil
}

func (d *decoder) uvarint(what string) uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(what)
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n uint64, what string) []byte {
	if uint64(len(d.b)) < n {
		d.fail(what)
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) u64(what string) uint64 {
	if v := d.bytes(8, what); v != nil {
		return binary.LittleEndian.Uint64(v)
	}
	return 0
}

func (d *decoder) strings(what string) []string {
	n := d.uvarint(what)
	if n > uint64(len(d.b)) {
		d.fail(what)
		return nil
	}
	ss := make([]string, 0, n)
	for range n {
		ss = append(ss, string(d.bytes(d.uvarint(what), what)))
	}
	return ss
}

// table decodes a table's entries straight into its slots.
func (d *decoder) table(what string, nclass int) *table {
	n, np := d.uvarint(what), d.uvarint(what)
	if n > uint64(len(d.b))/9 || np > uint64(len(d.b))/3 {
		d.fail(what)
		return nil
	}
	t := newTableSize(int(n), int(np))
	b := d.b
	var last uint64
	for i := range n {
		if len(b) < 8+2*numActions+1 {
			d.fail(what)
			return nil
		}
		k := binary.LittleEndian.Uint64(b)
		var dw [numActions]int16
		for a := range numActions {
			dw[a] = int16(binary.LittleEndian.Uint16(b[8+2*a:]))
		}
		b = b[8+2*numActions:]
		c, m := binary.Uvarint(b)
		if m <= 0 || uint64(len(b)-m) < 3*c || uint64(len(t.pairs))+c > np || k == 0 || (i > 0 && k <= last) {
			d.fail(what + " (truncated, keys out of order or too many pairs)")
			return nil
		}
		b = b[m:]
		cls, ws := b[:c], b[c:3*c]
		b = b[3*c:]
		last = k
		j := t.slotFor(k)
		t.slots[j] = slot{fp: fingerprint(k), dense: dw, n: uint16(c), off: uint32(len(t.pairs))}
		for x := range cls {
			if int(cls[x]) >= nclass {
				d.fail(what + " (a class out of range)")
				return nil
			}
			t.pairs = append(t.pairs, uint32(cls[x])<<16|uint32(binary.LittleEndian.Uint16(ws[2*x:])))
		}
	}
	d.b = b
	return t
}

func decode(raw []byte) (*Model, error) {
	if len(raw) < len(magic) || string(raw[:len(magic)]) != magic {
		return nil, errors.New("not a parley syntax model (bad magic)")
	}
	d := &decoder{b: raw[len(magic):]}
	tags, labels := d.strings("tag classes"), d.strings("labels")
	if d.err != nil {
		return nil, d.err
	}
	m, err := newModel(tags, labels)
	if err != nil {
		return nil, err
	}
	n := d.uvarint("tag dictionary")
	if n > uint64(len(d.b))/16 {
		d.fail("tag dictionary")
		return nil, d.err // n is not to be trusted: do not loop over it
	}
	for range n {
		k := d.u64("tag dictionary")
		m.dict[k] = d.u64("tag dictionary")
	}
	m.tagger = d.table("tagger weights", len(tags))
	if m.tagger != nil {
		m.tagger.inlinePairs()
	}
	m.parser = d.table("parser weights", 2*len(labels))
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}

func sortedKeys(m map[uint64]uint64) []uint64 {
	ks := make([]uint64, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
