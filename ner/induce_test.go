package ner

import (
	"bytes"
	"strings"
	"testing"
)

// inventedText is a tiny corpus of invented sentences: place names after
// "flew to" and "lives in", given names before "said" and after "met".
func inventedText() [][]string {
	var out [][]string
	for _, place := range []string{"Varno", "Kestin", "Brulle", "Ostara"} {
		for _, who := range []string{"Dalia", "Ormund", "Tesker", "Ilvane"} {
			out = append(out,
				strings.Fields(who+" said she flew to "+place+" ."),
				strings.Fields("We met "+who+" , who lives in "+place+" ."))
		}
	}
	return out
}

// TestInduceGroupsWordsBySharedContexts: words that stand in the same
// contexts share a class, words of other contexts do not, and the same
// text gives the same table.
func TestInduceGroupsWordsBySharedContexts(t *testing.T) {
	opt := InduceOptions{Classes: []int{6, 8, 10}, MinCount: 2, Rounds: 20}
	c := Induce(inventedText(), opt)
	class := map[string][]uint16{}
	for i, w := range c.Words {
		for k := range c.Sizes {
			class[w] = append(class[w], c.Classes[k][i])
		}
	}
	tests := []struct {
		name  string
		a, b  string
		share bool
	}{
		{"two places", "varno", "ostara", true},
		{"two more places", "kestin", "brulle", true},
		{"two given names", "dalia", "tesker", true},
		{"a place and a given name", "varno", "dalia", false},
		{"a place and a verb", "kestin", "flew", false},
	}
	for _, tc := range tests {
		ca, cb := class[tc.a], class[tc.b]
		if ca == nil || cb == nil {
			t.Fatalf("%s: %q or %q not clustered", tc.name, tc.a, tc.b)
		}
		if got := ca[2] == cb[2]; got != tc.share {
			t.Errorf("%s: %q class %d, %q class %d in the finest clustering; share %v, want %v", tc.name, tc.a, ca[2], tc.b, cb[2], got, tc.share)
		}
	}
	var one, two bytes.Buffer
	if err := c.WriteTSV(&one, "test"); err != nil {
		t.Fatal(err)
	}
	if err := Induce(inventedText(), opt).WriteTSV(&two, "test"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("the same text gave two different tables")
	}
}

// TestParseClusters: a table row gives 1 + each class, packed; a word is
// looked up by the hash the extractor computes of its lower-case form.
func TestParseClusters(t *testing.T) {
	tests := []struct {
		name, data string
		word       string
		want       uint64
		bad        bool
	}{
		{"classes packed", "word\tcount\tc1\tc2\tc3\nvarno\t7\t3\t0\t41\n", "varno", 4 | 1<<16 | 42<<32, false},
		{"digits as 0", "word\tcount\tc1\tc2\tc3\n000th\t2\t1\t2\t3\n", "000th", 2 | 3<<16 | 4<<32, false},
		{"a class column missing", "word\tcount\tc1\tc2\tc3\nvarno\t7\t3\t0\n", "", 0, true},
		{"a class that is no number", "word\tcount\tc1\tc2\tc3\nvarno\t7\tx\t0\t1\n", "", 0, true},
	}
	for _, tc := range tests {
		tab, err := parseClusters(tc.data)
		if tc.bad {
			if err == nil {
				t.Errorf("%s: no error", tc.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := tab[hashString(tc.word)]; got != tc.want {
			t.Errorf("%s: %#x, want %#x", tc.name, got, tc.want)
		}
	}
}

// TestEmbeddedClustersGroupCities: the shipped table puts capital cities
// together and apart from given names (the finest clustering).
func TestEmbeddedClustersGroupCities(t *testing.T) {
	tab, err := loadClusters()
	if err != nil {
		t.Fatal(err)
	}
	fine := func(w string) uint64 { return tab[hashString(ClusterKey(w))] >> 32 & 0xffff }
	tests := []struct {
		a, b  string
		share bool
	}{
		{"London", "Chicago", true},
		{"John", "David", true},
		{"London", "John", false},
	}
	for _, tc := range tests {
		ca, cb := fine(tc.a), fine(tc.b)
		if ca == 0 || cb == 0 {
			t.Fatalf("%q or %q has no class", tc.a, tc.b)
		}
		if got := ca == cb; got != tc.share {
			t.Errorf("%q class %d, %q class %d: share %v, want %v", tc.a, ca, tc.b, cb, got, tc.share)
		}
	}
}
