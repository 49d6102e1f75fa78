package copies

// postings is one generation of the passage index: the documents filed
// under each winnowing fingerprint, newest first, chained through next.
// Entry e belongs to document doc[e]. The Finder keeps two generations and
// drops the older one whole when the newer fills up, so the index holds a
// bounded window of recent articles without any per-entry bookkeeping.
type postings struct {
	table chainTable
	next  []uint32
	doc   []uint32
	// first is the first document filed; articles counts the documents;
	// start is the stream time (Unix seconds) when the generation opened,
	// 0 until one is known
	first    uint32
	articles int
	start    int64
}

// add files the fingerprints of document d.
func (p *postings) add(d uint32, fps []uint32) {
	if p.articles == 0 {
		p.first = d
	}
	p.articles++
	for _, h := range fps {
		e := uint32(len(p.next))
		p.next = append(p.next, p.table.push(h, e))
		p.doc = append(p.doc, d)
	}
}

// appendDocs appends the documents filed under h, newest first, stopping
// once dst holds more than limit.
func (p *postings) appendDocs(dst []uint32, h uint32, limit int) []uint32 {
	for e := p.table.head(h); e != noEntry && len(dst) <= limit; e = p.next[e] {
		dst = append(dst, p.doc[e])
	}
	return dst
}

// bytes is the generation's memory.
func (p *postings) bytes() int { return p.table.bytes() + 4*cap(p.next) + 4*cap(p.doc) }
