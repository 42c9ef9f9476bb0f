package syntax

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta
// 2011): the stack starts with the root (token 0), the buffer holds tokens
// 1..n. SHIFT pushes the buffer front b0; LEFT makes s0 a dependent of b0 and
// pops it; RIGHT makes s0 a dependent of s1 and pops it. RIGHT onto the root
// is allowed only once the buffer is empty, so every tree has one root.
const (
	shift = iota
	left
	right
	numActions
)

// state is a parser configuration and the partial tree built so far. Token
// slices are indexed 0..n (0 the root); child links use 0 for "none" since
// the root is nobody's child.
type state struct {
	n      int32
	stack  []int32
	b      int32 // the buffer is b..n
	head   []int32
	label  []uint8 // label index + 1; 0 while unattached
	l1, l2 []int32 // leftmost and second leftmost dependent
	r1, r2 []int32 // rightmost and second rightmost dependent
	nl, nr []uint8 // number of left and right dependents (capped)
	lset   []uint64
	rset   []uint64 // bit sets of the labels of left and right dependents
}

func (s *state) reset(n int) {
	s.n = int32(n)
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	m := n + 1
	s.head = grow(s.head, m)
	s.label = grow(s.label, m)
	s.l1, s.l2, s.r1, s.r2 = grow(s.l1, m), grow(s.l2, m), grow(s.r1, m), grow(s.r2, m)
	s.nl, s.nr = grow(s.nl, m), grow(s.nr, m)
	s.lset, s.rset = grow(s.lset, m), grow(s.rset, m)
	for i := range m {
		s.head[i] = -1
	}
}

// grow returns x with length n, zeroed, reusing its array when it can.
func grow[T any](x []T, n int) []T {
	if cap(x) < n {
		x = make([]T, n)
	}
	x = x[:n]
	clear(x)
	return x
}

func (s *state) done() bool { return s.b > s.n && len(s.stack) == 1 }

func (s *state) legal(a int) bool {
	k := len(s.stack)
	switch a {
	case shift:
		return s.b <= s.n
	case left:
		return k >= 2 && s.b <= s.n
	default:
		return k >= 3 || (k == 2 && s.b > s.n)
	}
}

// apply performs action a; lab is the arc's label index (ignored by SHIFT).
func (s *state) apply(a int, lab uint8) {
	switch a {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
		return
	case left:
		d := s.pop()
		s.attach(s.b, d, lab)
		s.l2[s.b], s.l1[s.b] = s.l1[s.b], d
		s.nl[s.b] = min(s.nl[s.b]+1, 200)
		s.lset[s.b] |= 1 << (lab & 63)
	default:
		d := s.pop()
		h := s.stack[len(s.stack)-1]
		s.attach(h, d, lab)
		s.r2[h], s.r1[h] = s.r1[h], d
		s.nr[h] = min(s.nr[h]+1, 200)
		s.rset[h] |= 1 << (lab & 63)
	}
}

func (s *state) pop() int32 {
	d := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	return d
}

func (s *state) attach(h, d int32, lab uint8) {
	s.head[d] = h
	s.label[d] = lab + 1
}

// arc returns the head and dependent that action a would link.
func (s *state) arc(a int) (h, d int32) {
	k := len(s.stack)
	if a == left {
		return s.b, s.stack[k-1]
	}
	return s.stack[k-2], s.stack[k-1]
}
