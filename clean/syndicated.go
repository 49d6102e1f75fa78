package clean

import "github.com/zeebo/xxh3"

// crossOutlet remembers, for the lines seen lately, which outlet carried
// each, or that several did. An outlet's boilerplate is its own: a line
// that other outlets carry too is syndicated content (an agency's
// paragraph, a shared statement) however often one outlet repeats it, and
// is never taken for boilerplate.
//
// Only lines of syndicatedWords words or more are followed: the lines
// outlets share as furniture are short ("Photo: …", "Listen to this
// article", a share bar), while a syndicated paragraph is a sentence or
// more. Short lines are learned per outlet as before.
//
// It holds at most 2×max lines in two generations: when the current one
// is full it becomes the previous one, and the lines of the generation
// before are forgotten.
type crossOutlet struct {
	cur, prev map[uint64]uint32 // line key → outletKey, or several
	max       int
}

// syndicatedWords is the fewest words of a line followed across outlets:
// the length from which copies counts a shared passage as copying.
const syndicatedWords = 12

// several marks a line carried by more than one outlet; outletKey is
// never zero.
const several = 0

func newCrossOutlet(max int) *crossOutlet {
	return &crossOutlet{cur: make(map[uint64]uint32), max: max}
}

// outletKey is a short, non-zero key of an outlet's name.
func outletKey(source string) uint32 { return uint32(xxh3.HashString(source)) | 1 }

// note records that outlet carried the line k.
func (x *crossOutlet) note(k uint64, outlet uint32) {
	v, ok := x.cur[k]
	if ok {
		if v != outlet && v != several {
			x.cur[k] = several
		}
		return
	}
	if v, ok = x.prev[k]; ok && v != outlet {
		v = several
	} else {
		v = outlet
	}
	x.cur[k] = v
	if len(x.cur) >= x.max {
		x.prev, x.cur = x.cur, make(map[uint64]uint32, x.max)
	}
}

// shared reports whether more than one outlet carried the line k.
func (x *crossOutlet) shared(k uint64) bool {
	if v, ok := x.cur[k]; ok {
		return v == several
	}
	v, ok := x.prev[k]
	return ok && v == several
}
