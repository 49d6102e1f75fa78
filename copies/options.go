package copies

import "time"

// Options tune a Finder. Zero fields take the defaults.
type Options struct {
	// MinWords is the fewest words a shared passage must have (default 12).
	MinWords int
	// NearThreshold is the shingle Jaccard similarity from which two
	// articles are near-duplicates (default 0.7).
	NearThreshold float64
	// NearShare is the share of both articles that shared passages must
	// cover for a pair to count as near-duplicates even below
	// NearThreshold, as with reordered paragraphs (default 0.8).
	NearShare float64
	// MaxCandidates caps the articles aligned per arrival (default 32),
	// but for likely near-duplicates (see MaxNear).
	MaxCandidates int
	// MaxNear caps the likely near-duplicates (found by several LSH
	// bands) compared per arrival besides MaxCandidates (default 128): a
	// story syndicated to dozens of outlets makes each new copy a pair
	// with every earlier one. Past the caps an arrival is still compared
	// with the earliest published article of each group of whole copies
	// its likely near-duplicates belong to (at most four groups), so that
	// the hundredth re-run of an agency story pairs with the original
	// too; it need not pair with every earlier re-run.
	MaxNear int
	// MaxPosting is how many articles may share a fingerprint before it is
	// taken for a stock phrase and ignored (default 64).
	MaxPosting int
	// CacheSize caps how many recent articles are kept in memory, prepared
	// for alignment; zero leaves the count to CacheBytes. Candidates kept
	// in memory are aligned without reading the store, which also lets
	// the articles of an uncommitted batch be aligned.
	CacheSize int
	// CacheBytes sizes the memory of the articles kept prepared for
	// alignment (default 64 MiB; an article of 350 words takes about
	// 7.7 KB): seven eighths of it keep the recent articles, and a
	// quarter more the candidates last read back from the store, nine
	// eighths in all. On a dense stream an old article of a growing
	// story is read back for one arrival after another: the quarter
	// spares a sixth of the store reads that an eighth made, for as many
	// recent articles as a budget of a whole CacheBytes kept before word
	// offsets took five bytes.
	CacheBytes int
	// PassageWindow, when set, is how far back in stream time (the newest
	// publication time seen) the passage index reaches: fingerprints of
	// older articles are dropped, in blocks of half the window. It suits a
	// live feed; on a backfill in no date order it would drop too much, so
	// it is off by default.
	PassageWindow time.Duration
	// PassageArticles caps how many articles the passage index holds, the
	// most recent, dropped in blocks of half as many (default 100,000).
	PassageArticles int
	// PassageBytes caps the memory of the passage index (default 80 MiB,
	// some 38,000 articles of 500 words): the oldest half is dropped when
	// the newer half reaches half of it. It is at most 2 GiB: the index
	// addresses its postings with 31 bits.
	PassageBytes int
	// NearArticles and NearBytes cap the near-duplicate index and the ids
	// of the articles indexed (about 200 bytes an article) in the same way
	// (defaults 1,000,000 articles and 48 MiB, some 240,000 articles): exact
	// and near-duplicates are found as far back as it reaches, which is
	// never less than the passage index when both are left at their
	// defaults. The shingle filters of the articles it holds (about 55
	// bytes for 350 words), which spare reading back most of its
	// candidates, come on top of NearBytes, so that they do not shorten
	// its reach; Stats counts them.
	NearArticles, NearBytes int
	// MinShare, when above zero, makes the Finder report only the copies
	// a clusterer takes for evidence of one event, and spares the work
	// that cannot find another: exact and near-duplicates, found as
	// without it, and partial copies whose passages are not all
	// quotations and cover at least MinShare of one of the two articles
	// (storyline cluster sets 0.2, the share its clusterer asks of a
	// partial copy). The LSH band keys come from one hash a shingle
	// rather than 39. A candidate is aligned only when it shares enough
	// fingerprints for such a share and the runs of equal words through
	// the n-grams they share cover most of it; quotation marks are
	// scanned and shingles sorted only for the articles aligned. A pair
	// it reports is reported as without it but for what a clusterer does
	// not read: a pair whose shingle sets reach NearThreshold, a whole
	// copy whatever its passages, is reported without aligning it, with
	// its kind, similarity and direction and no passages or shares; the
	// passages of other pairs have no Text (the first article's text
	// between their offsets). Its
	// sketches are stored apart from those of a Finder without it:
	// neither loads the other's.
	MinShare float64
	// NoState, for runs without a store (storyline cluster), records no
	// sketches for Pending, which then returns nothing: the sketches are
	// not encoded for every article. The copies found are the same.
	NoState bool
}

func (o Options) withDefaults() Options {
	if o.MinWords <= 0 {
		o.MinWords = 12
	}
	if o.NearThreshold <= 0 {
		o.NearThreshold = 0.7
	}
	if o.NearShare <= 0 {
		o.NearShare = 0.8
	}
	if o.MaxCandidates <= 0 {
		o.MaxCandidates = 32
	}
	if o.MaxNear <= 0 {
		o.MaxNear = 128
	}
	if o.MaxPosting <= 0 {
		o.MaxPosting = 64
	}
	if o.CacheBytes <= 0 {
		o.CacheBytes = 64 << 20
	}
	if o.PassageArticles <= 0 {
		o.PassageArticles = 100_000
	}
	if o.PassageBytes <= 0 {
		o.PassageBytes = 80 << 20
	}
	o.PassageBytes = min(o.PassageBytes, maxPassageBytes)
	if o.NearArticles <= 0 {
		o.NearArticles = 1_000_000
	}
	if o.NearBytes <= 0 {
		o.NearBytes = 48 << 20
	}
	return o
}
