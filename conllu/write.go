package conllu

import (
	"bufio"
)

// Write writes the sentence and the blank line that ends it.
func Write(w *bufio.Writer, s *Sentence) error {
	for _, c := range s.Comments {
		w.WriteString(c)
		w.WriteByte('\n')
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		for j, f := range [...]string{t.ID, t.Form, t.Lemma, t.UPOS, t.XPOS, t.Feats, t.Head, t.Deprel, t.Deps, t.Misc} {
			if j > 0 {
				w.WriteByte('\t')
			}
			if f == "" {
				f = "_"
			}
			w.WriteString(f)
		}
		w.WriteByte('\n')
	}
	_, err := w.WriteString("\n")
	return err
}
