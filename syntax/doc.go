// Package syntax is parley's part-of-speech tagger, lemmatizer and labelled
// dependency parser for English, trained on Universal Dependencies English
// EWT and embedded in the binary (model/; CC BY-SA 4.0, see model/README.md).
//
//	m, err := syntax.Load()      // once; read-only, safe for concurrent use
//	p := m.NewParser()           // one per goroutine: its buffers are reused
//	out = p.Parse(words, out)    // POS, XPOS, Lemma, Head (1-based, 0 root), Rel, Deprel
//
// Parse allocates nothing per word: XPOS and Deprel are interned in the
// model, and the lemmas that differ from their word share one string per
// sentence.
//
// # Tokenisation
//
// The model expects the words of UD English EWT, and parses badly when it
// gets others:
//
//   - Contractions are split: "don't" is "do" + "n't", "can't" is "ca" +
//     "n't", "won't" is "wo" + "n't", "I'm" is "I" + "'m", "they're" is
//     "they" + "'re"; "cannot" is "can" + "not"; "gonna" is "gon" + "na".
//   - Possessive "'s" (and "'") is a word of its own: "Bush" + "'s".
//   - Abbreviations and acronyms keep their periods: "U.S.", "Mr.", "Inc.".
//   - Punctuation marks and quotation marks are words of their own, also
//     inside a token: "(", "\"", "“", "--", "...".
//   - Hyphenated compounds are mostly split at the hyphen, the hyphen a word
//     of its own ("Al" + "-" + "Zaman", "long" + "-" + "term"); a few
//     prefixed words stay whole ("e-mail", "non-stop", "post-war").
//   - Numbers with separators are one word ("1,000", "3.5"); so are URLs
//     and e-mail addresses.
//
// # How it works
//
// The tagger is a greedy left-to-right averaged perceptron over one class per
// (UPOS, XPOS) pair seen in training; its features are the word and its
// lower-case form, prefixes and suffixes of one to four letters, the word
// shape and flags, the two words on each side, the two previous predicted
// classes and an ambiguity class from a tag dictionary built on the
// training data. The parser is a greedy arc-hybrid transition parser with
// an averaged perceptron over Zhang and Nivre's (2011) feature templates,
// trained with the dynamic oracle of Goldberg and Nivre (2013) on
// jackknifed tags; non-projective training trees are made projective by
// lifting arcs, so the parser only produces projective trees. The transition
// is chosen first, then the arc's label from the same features. Features are
// 64-bit hashes looked up in an open-addressing table of int16 weights,
// dense for the three transitions and sparse for the labels. The lemmatizer
// applies suffix rules and exceptions learned from the training data (the
// data file model/lemmas.tsv).
package syntax
