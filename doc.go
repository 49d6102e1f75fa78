// Package storyline is the vocabulary of Storyline, an engine that turns a
// flood of news articles into stories a person can follow.
//
// The root package holds the documented types every stage shares — Article,
// Published, DateMention, Entity, Quote, Copy, Passage, Event, Story — and
// the small interfaces the stages implement. It holds no pipeline logic: each
// stage lives in its own package (ingest, extract, clean, textproc, lang,
// dates, entities, quotes, copies, cluster, story, store, server) and
// cmd/storyline wires them together.
//
// Offsets (quotes, speakers, dates, entities, passages) are always Unicode
// code points into an article's clean Text, never bytes. All times are UTC.
package storyline
