package gen

import "math"

// rng is a small, fast, fully specified random source (SplitMix64), so that
// a seed gives the same stream on every platform and Go version.
type rng struct{ s uint64 }

func newRNG(seed uint64) rng { return rng{s: seed} }

// mix derives an independent seed from a seed and a label.
func mix(a, b uint64) uint64 {
	r := rng{s: a ^ (b * 0x9e3779b97f4a7c15)}
	r.next()
	return r.next()
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); n must be positive.
func (r *rng) intn(n int) int {
	return int((r.next() >> 32) * uint64(n) >> 32)
}

// float returns a number in [0, 1).
func (r *rng) float() float64 {
	return float64(r.next()>>11) / (1 << 53)
}

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// exp returns an exponentially distributed number with the given mean.
func (r *rng) exp(mean float64) float64 {
	return -mean * math.Log(1-r.float())
}

// pareto returns a discrete heavy-tailed size >= 1: floor(U^(-1/alpha)).
func (r *rng) pareto(alpha float64, max int) int {
	v := math.Pow(1-r.float(), -1/alpha)
	if v >= float64(max) {
		return max
	}
	return int(v)
}

// lognormal returns exp(N(mu, sigma)).
func (r *rng) lognormal(mu, sigma float64) float64 {
	// Box–Muller.
	u1, u2 := 1-r.float(), r.float()
	z := math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
	return math.Exp(mu + sigma*z)
}
