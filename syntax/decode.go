package syntax

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"unsafe"
)

// decoder reads the uncompressed model file; the first error sticks.
type decoder struct {
	b   []byte
	off int // of b[0] in the file
	err error
	// trusted skips the check of every slot (for the embedded model, which
	// TestEmbeddedModelChecks checks): it would read all 28 MB.
	trusted bool
	// noReach is set for a parley-syntax-2 file, which did not record
	// the slots' reach: its tables are copied and probed as before.
	noReach bool
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
	d.b, d.off = d.b[n:], d.off+n
	return v
}

func (d *decoder) bytes(n uint64, what string) []byte {
	if uint64(len(d.b)) < n {
		d.fail(what)
		return nil
	}
	v := d.b[:n]
	d.b, d.off = d.b[n:], d.off+int(n)
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

// tableAlign is the alignment, in the file, of a table's slots and pairs.
const tableAlign = 16

const slotBytes = 16

// The file stores slots in their in-memory layout (little-endian), so that
// on a little-endian machine a table is the file's bytes themselves.
var _ [slotBytes]struct{} = [unsafe.Sizeof(slot{})]struct{}{}
var _ [8]struct{} = [unsafe.Offsetof(slot{}.dense)]struct{}{}
var _ [14]struct{} = [unsafe.Offsetof(slot{}.n)]struct{}{}
var _ [15]struct{} = [unsafe.Offsetof(slot{}.flags)]struct{}{}

var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// table reads a table stored as its slots and pairs in memory order: the
// slot count and pair count, padding to tableAlign, the slots, the pairs.
// When b is suitably aligned the table shares its memory (which must then
// not change); otherwise the slots are copied. Unless d is trusted, every
// slot is checked, so that lookups can not loop or go out of bounds. inline says whether slots may
// keep their pairs inline (inlinePairs); nclass bounds the classes.
func (d *decoder) table(what string, nclass int, inline bool) *table {
	size, np := d.uvarint(what), d.uvarint(what)
	d.bytes(uint64(-d.off&(tableAlign-1)), what)
	if size == 0 || size > 1<<31 || size > uint64(len(d.b))/slotBytes || np > 1<<31 || np > (uint64(len(d.b))-size*slotBytes)/4 {
		d.fail(what)
		return nil
	}
	sb, pb := d.bytes(size*slotBytes, what), d.bytes(np*4, what)
	t := &table{size: size}
	if littleEndian && !d.noReach && uintptr(unsafe.Pointer(&sb[0]))%unsafe.Alignof(slot{}) == 0 {
		t.slots = unsafe.Slice((*slot)(unsafe.Pointer(&sb[0])), size)
		if np > 0 {
			t.pairs = unsafe.Slice((*uint32)(unsafe.Pointer(&pb[0])), np)
		}
	} else {
		t.slots = make([]slot, size)
		for j := range t.slots {
			b := sb[slotBytes*j:]
			s := &t.slots[j]
			s.fp, s.off = binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])
			for a := range numActions {
				s.dense[a] = int16(binary.LittleEndian.Uint16(b[8+2*a:]))
			}
			s.n, s.flags = b[14], b[15]
		}
		t.pairs = make([]uint32, np)
		for i := range t.pairs {
			t.pairs[i] = binary.LittleEndian.Uint32(pb[4*i:])
		}
		if d.noReach {
			for j := range t.slots {
				t.slots[j].setReach(reachAll)
			}
		}
	}
	if d.trusted {
		return t
	}
	if err := t.check(nclass, inline); err != nil {
		d.fail(what + " (" + err.Error() + ")")
		return nil
	}
	return t
}

// check makes sure that lookups in t end and stay in bounds.
func (t *table) check(nclass int, inline bool) error {
	empty := false
	np := uint64(len(t.pairs))
	for j := range t.slots {
		s := &t.slots[j]
		switch {
		case s.fp == 0:
			empty = true
		case s.inline():
			if !inline || s.n == 0 || s.n > 2 {
				return errors.New("a bad inline slot")
			}
		case uint64(s.off)+uint64(s.n) > np:
			return errors.New("pairs out of range")
		}
	}
	if !empty {
		return errors.New("no empty slot")
	}
	for _, p := range t.pairs {
		if int(p>>16) >= nclass {
			return errors.New("a class out of range")
		}
	}
	return nil
}

// decode reads an uncompressed model file; trusted skips the slow checks of
// the tables' slots.
func decode(raw []byte, trusted bool) (*Model, error) {
	old := len(raw) >= len(magic2) && string(raw[:len(magic2)]) == magic2
	if !old && (len(raw) < len(magic) || string(raw[:len(magic)]) != magic) {
		return nil, errors.New("not a parley syntax model (bad magic)")
	}
	d := &decoder{b: raw[len(magic):], off: len(magic), trusted: trusted, noReach: old}
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
	m.dict = make(map[uint64]uint64, n)
	for range n {
		k := d.u64("tag dictionary")
		m.dict[k] = d.u64("tag dictionary")
	}
	m.tagger = d.table("tagger weights", len(tags), true)
	m.parser = d.table("parser weights", 2*len(labels), false)
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, errors.New("trailing bytes after the parser weights")
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
