package eval

import (
	"encoding/json"
	"io"
	"math"
	"math/big"
	"slices"
	"strings"
)

// HTMLDoc is one line of the HTML benchmark's gold ({"id","url","title",
// "body"}) or prediction ({"id","body"}; "articleBody" or "text" accepted).
type HTMLDoc struct {
	ID   string
	URL  string
	Body string
}

// ReadHTMLDocs reads gold or predictions; later records with the same id
// replace earlier ones.
func ReadHTMLDocs(r io.Reader, name string) ([]HTMLDoc, error) {
	var o ordered[HTMLDoc]
	err := readJSONL(r, name, func(_ int, line []byte) error {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(line, &raw); err != nil {
			return err
		}
		id, err := idKey(raw["id"])
		if err != nil {
			return err
		}
		d := HTMLDoc{ID: id}
		if u, ok := raw["url"]; ok {
			_ = json.Unmarshal(u, &d.URL)
		}
		for _, k := range []string{"body", "articleBody", "text"} {
			v, ok := raw[k]
			if !ok || string(v) == "null" {
				continue
			}
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				var x any
				if err := json.Unmarshal(v, &x); err != nil {
					return err
				}
				s = pyStr(x)
			}
			d.Body = s
			break
		}
		o.put(id, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	docs := make([]HTMLDoc, 0, len(o.keys))
	for _, k := range o.keys {
		docs = append(docs, o.m[k])
	}
	return docs, nil
}

// htmlTokens is re.findall(r'\w+', text) with Python's Unicode \w.
func htmlTokens(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		if pyIsWord(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// shingles is the multiset of token 4-grams; a text of 1..3 tokens has one
// shorter shingle, an empty one none.
func shingles(toks []string) map[string]int {
	const n = 4
	m := map[string]int{}
	for i := 0; i < max(1, len(toks)-n+1); i++ {
		sh := toks[i:min(len(toks), i+n)]
		if len(sh) > 0 {
			m[strings.Join(sh, "\x00")]++ // \x00 is never part of a token
		}
	}
	return m
}

// shingleMatch returns tp, fp, fn normalised by their sum.
func shingleMatch(gold, pred []string) [3]float64 {
	ts, ps := shingles(gold), shingles(pred)
	var tp, fp, fn float64
	for k, t := range ts {
		p := ps[k]
		tp += float64(min(t, p))
		fp += float64(max(0, p-t))
		fn += float64(max(0, t-p))
	}
	for k, p := range ps {
		if _, ok := ts[k]; !ok {
			fp += float64(p)
		}
	}
	v := [3]float64{tp, fp, fn}
	if s := tp + fp + fn; s > 0 {
		v = [3]float64{tp / s, fp / s, fn / s}
	}
	return v
}

func htmlPrecision(x [3]float64) float64 {
	tp, fp, fn := x[0], x[1], x[2]
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && fp == 0:
		return 0
	}
	return tp / (tp + fp)
}

func htmlRecall(x [3]float64) float64 {
	tp, fp, fn := x[0], x[1], x[2]
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && fn == 0:
		return 0
	}
	return tp / (tp + fn)
}

// htmlMetrics is metrics_from: macro P over docs with tp+fp > 0, macro R
// over docs with tp+fn > 0, F1 of the two.
func htmlMetrics(tfs [][3]float64) (f1, p, r float64) {
	var ps, rs []float64
	for _, x := range tfs {
		if x[0]+x[1] > 0 {
			ps = append(ps, htmlPrecision(x))
		}
		if x[0]+x[2] > 0 {
			rs = append(rs, htmlRecall(x))
		}
	}
	p, r = pyMean(ps), pyMean(rs)
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return f1, p, r
}

// HTMLDocScore is one page's result.
type HTMLDocScore struct {
	ID         string  `json:"id"`
	URL        string  `json:"url"`
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
	F1         float64 `json:"f1"`
	Exact      bool    `json:"exact"`
	Missing    bool    `json:"missing"`
	GoldTokens int     `json:"gold_tokens"`
	PredTokens int     `json:"pred_tokens"`
}

// HTMLReport is the reference's summary (its --json output).
type HTMLReport struct {
	F1           float64        `json:"f1"`
	Precision    float64        `json:"precision"`
	Recall       float64        `json:"recall"`
	Accuracy     float64        `json:"accuracy"`
	F1Std        float64        `json:"f1_std"`
	PrecisionStd float64        `json:"precision_std"`
	RecallStd    float64        `json:"recall_std"`
	AccuracyStd  float64        `json:"accuracy_std"`
	NGold        int            `json:"n_gold"`
	NMissing     int            `json:"n_missing"`
	NExtra       int            `json:"n_extra"`
	PerDoc       []HTMLDocScore `json:"-"`
}

// HTMLOptions are the reference's flags.
type HTMLOptions struct {
	Bootstrap       int   // resamples for the ± values (the reference's default is 1000)
	Seed            int64 // seed of the resampling (the reference's default is 0)
	StripSoftHyphen bool  // remove U+00AD from predictions
}

// ScoreHTML scores extracted article bodies with the metric of
// scrapinghub/article-extraction-benchmark: bags of token 4-grams, per-page
// normalised TP/FP/FN, macro precision and recall, F1 of the two, exact
// token accuracy, and bootstrap standard deviations drawn with Python's
// Mersenne Twister so that they agree with the reference for the same seed.
// A missing prediction counts as an empty body.
func ScoreHTML(gold, pred []HTMLDoc, opt HTMLOptions) *HTMLReport {
	pm := make(map[string]*HTMLDoc, len(pred))
	for i := range pred {
		pm[pred[i].ID] = &pred[i]
	}
	gm := make(map[string]bool, len(gold))
	r := &HTMLReport{NGold: len(gold)}
	var tfs [][3]float64
	var accs []float64
	for _, g := range gold {
		gm[g.ID] = true
		var body string
		p, ok := pm[g.ID]
		if ok {
			body = p.Body
		} else {
			r.NMissing++
		}
		if opt.StripSoftHyphen {
			body = strings.ReplaceAll(body, "\u00ad", "")
		}
		gt, pt := htmlTokens(g.Body), htmlTokens(body)
		x := shingleMatch(gt, pt)
		tfs = append(tfs, x)
		exact := slices.Equal(gt, pt)
		a := 0.0
		if exact {
			a = 1
		}
		accs = append(accs, a)
		pp, rr := htmlPrecision(x), htmlRecall(x)
		f := 0.0
		if pp+rr > 0 {
			f = 2 * pp * rr / (pp + rr)
		}
		r.PerDoc = append(r.PerDoc, HTMLDocScore{ID: g.ID, URL: g.URL, Precision: pp, Recall: rr, F1: f,
			Exact: exact, Missing: !ok, GoldTokens: len(gt), PredTokens: len(pt)})
	}
	for id := range pm {
		if !gm[id] {
			r.NExtra++
		}
	}
	r.F1, r.Precision, r.Recall = htmlMetrics(tfs)
	r.Accuracy = pyMean(accs)
	n := len(tfs)
	if n == 0 || opt.Bootstrap <= 0 {
		return r
	}
	rng := newPyRandom(opt.Seed)
	boot := make([][4]float64, 0, opt.Bootstrap)
	sample := make([][3]float64, n)
	sacc := make([]float64, n)
	for range opt.Bootstrap {
		for k := range n {
			i := rng.randbelow(n)
			sample[k], sacc[k] = tfs[i], accs[i]
		}
		f1, p, rec := htmlMetrics(sample)
		boot = append(boot, [4]float64{f1, p, rec, pyMean(sacc)})
	}
	std := func(k int) float64 {
		xs := make([]float64, len(boot))
		for i, b := range boot {
			xs[i] = b[k]
		}
		return pyStdev(xs)
	}
	r.F1Std, r.PrecisionStd, r.RecallStd, r.AccuracyStd = std(0), std(1), std(2), std(3)
	return r
}

// pyStdev is statistics.stdev: the sample standard deviation, computed
// exactly and rounded once before the square root.
func pyStdev(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	var mean, t big.Rat
	for _, x := range xs {
		mean.Add(&mean, t.SetFloat64(x))
	}
	mean.Quo(&mean, t.SetInt64(int64(len(xs))))
	var ss, d big.Rat
	for _, x := range xs {
		d.Sub(t.SetFloat64(x), &mean)
		d.Mul(&d, &d)
		ss.Add(&ss, &d)
	}
	ss.Quo(&ss, t.SetInt64(int64(len(xs)-1)))
	v, _ := ss.Float64()
	return math.Sqrt(v)
}

// pyRandom is CPython's random.Random: MT19937 seeded by init_by_array
// with the seed's 32-bit words, and randbelow by rejection sampling on
// getrandbits(k).
type pyRandom struct {
	mt  [624]uint32
	idx int
}

func newPyRandom(seed int64) *pyRandom {
	if seed < 0 {
		seed = -seed
	}
	key := []uint32{uint32(seed)}
	if hi := uint32(uint64(seed) >> 32); hi != 0 {
		key = append(key, hi)
	}
	r := &pyRandom{}
	r.initGenrand(19650218)
	i, j := 1, 0
	k := max(624, len(key))
	for ; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
	}
	r.mt[0] = 0x80000000
	return r
}

func (r *pyRandom) initGenrand(s uint32) {
	r.mt[0] = s
	for i := 1; i < 624; i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	r.idx = 624
}

func (r *pyRandom) uint32() uint32 {
	const n, m = 624, 397
	if r.idx >= n {
		for k := 0; k < n; k++ {
			y := (r.mt[k] & 0x80000000) | (r.mt[(k+1)%n] & 0x7fffffff)
			v := r.mt[(k+m)%n] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			r.mt[k] = v
		}
		r.idx = 0
	}
	y := r.mt[r.idx]
	r.idx++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// randbelow returns a uniform int in [0, n) as Random._randbelow does
// (n < 2^32).
func (r *pyRandom) randbelow(n int) int {
	k := 0
	for v := n; v > 0; v >>= 1 {
		k++
	}
	for {
		v := int(r.uint32() >> (32 - k))
		if v < n {
			return v
		}
	}
}
