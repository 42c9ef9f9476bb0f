package event

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// Code describes one CAMEO event code and its PLOVER mapping.
type Code struct {
	Code       string
	Root       string
	Name       string
	Goldstein  float64
	QuadClass  int
	PLOVER     string
	PLOVERMode string
}

// parseCodes reads cameo_codes.tsv (GDELT lookups + CAMEO2PLOVER).
func parseCodes(data string) (map[string]Code, error) {
	codes := make(map[string]Code)
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 10 {
			return nil, fmt.Errorf("cameo_codes.tsv:%d: %d fields, want 11", line, len(f))
		}
		g, err := strconv.ParseFloat(f[5], 64)
		if err != nil {
			return nil, fmt.Errorf("cameo_codes.tsv:%d: goldstein: %w", line, err)
		}
		q, err := strconv.Atoi(f[6])
		if err != nil {
			return nil, fmt.Errorf("cameo_codes.tsv:%d: quadclass: %w", line, err)
		}
		c := Code{Code: f[0], Root: f[2], Name: f[3], Goldstein: g, QuadClass: q, PLOVER: f[8], PLOVERMode: f[9]}
		// CAMEO2PLOVER drops appeals (02) with statements (01), but PLOVER's
		// REQUEST covers asking for something, which is what an appeal is;
		// the annotated examples code "urged" as REQUEST.
		if c.Root == "02" {
			c.PLOVER = "REQUEST"
		}
		codes[c.Code] = c
	}
	// Codes of codes.tsv's plover_of_parent class take their parent's PLOVER
	// type and mode where CAMEO2PLOVER splits a family ("ease curfew" is
	// CONCEDE as "ease administrative sanctions" is).
	for code := range ploverOfParent {
		if len(code) < 3 {
			return nil, fmt.Errorf("codes.tsv: plover_of_parent %s: a root has no parent", code)
		}
		c, ok := codes[code]
		p, pok := codes[code[:len(code)-1]]
		if !ok || !pok {
			return nil, fmt.Errorf("codes.tsv: plover_of_parent %s: no such code or parent", code)
		}
		c.PLOVER, c.PLOVERMode = p.PLOVER, p.PLOVERMode
		codes[code] = c
	}
	return codes, sc.Err()
}
