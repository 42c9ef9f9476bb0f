package ner

import "math/bits"

// table is the feature weights of a model, stored sparsely: most of the
// hashed rows are zero (features the training data never moved), so only
// the others are kept, packed, with a bitmap of which rows they are. Tagging
// looks at the 64 KB bitmap first and reads a row only when it is there, so
// the weights a document needs stay in the processor's caches (the dense
// table was 9.4 MB and every feature a random read from it).
type table struct {
	bitmap []uint64 // bit r: row r is not zero
	prefix []uint32 // rows set in bitmap words before word i
	rows   []int16  // the rows that are not zero, in order, numLabels each
}

// newTable packs a dense table of rows × numLabels weights.
func newTable(dense []int16) table {
	n := len(dense) / numLabels
	bitmap := make([]uint64, (n+63)/64)
	var rows []int16
	for r := range n {
		row := dense[r*numLabels : (r+1)*numLabels]
		for _, v := range row {
			if v != 0 {
				bitmap[r/64] |= 1 << (r % 64)
				rows = append(rows, row...)
				break
			}
		}
	}
	return tableOf(bitmap, rows)
}

// tableOf makes a table of a bitmap and the packed rows it marks.
func tableOf(bitmap []uint64, rows []int16) table {
	prefix := make([]uint32, len(bitmap))
	n := uint32(0)
	for i, b := range bitmap {
		prefix[i] = n
		n += uint32(bits.OnesCount64(b))
	}
	return table{bitmap: bitmap, prefix: prefix, rows: rows}
}

// row returns the weights of row r, or nil when they are all zero.
func (t *table) row(r uint32) *[numLabels]int16 {
	w := t.bitmap[r/64]
	bit := uint64(1) << (r % 64)
	if w&bit == 0 {
		return nil
	}
	k := int(t.prefix[r/64]) + bits.OnesCount64(w&(bit-1))
	return (*[numLabels]int16)(t.rows[k*numLabels:])
}

// nonZero returns the number of rows that are not zero.
func (t *table) nonZero() int { return len(t.rows) / numLabels }
