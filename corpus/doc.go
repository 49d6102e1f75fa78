// Package corpus is the sample corpus embedded in the storyline binary: the
// articles `storyline demo` shows a new user, and the ground truth that lets
// tests check the engine on them.
//
// The corpus is fiction written for Storyline: the country of Caldora, its
// towns, people, outlets and events are invented, and no sentence is taken
// from real reporting. It reads like a month of real news (27 February to
// 25 March 2026) so that every stage of the engine has something to do:
//
//   - 41 articles from seven outlets: a wire agency (Meridian News Agency),
//     two national papers (The National Herald, Daily Courier), two regional
//     sites (Valley Post, Portville Gazette) and two Russian-language outlets
//     (Северный вестник, Заречье онлайн).
//   - Eight stories and sixteen events. Four stories develop over weeks — a
//     port strike in Portville (walkout, mediation, deal), the collapse of the
//     Old Mill Bridge in Kessling (collapse, inquiry, findings, a temporary
//     footbridge), two central-bank moments (a rate rise, the governor's
//     testimony) and a by-election recount in Brenmoor East (recount ordered,
//     result overturned) — plus a Russian-language flood story in Zarechensk
//     and three singletons chosen to look alike: a rail strike ballot (a
//     strike that is not the port strike), a harbour fire in Lindhaven (a
//     harbour that is not Portville) and a book festival in Kessling (a
//     Kessling story that is not the bridge).
//   - Copies of every kind: wire stories republished whole by other outlets
//     inside their own boilerplate ("Photo: … Meridian", "Read also: …",
//     "Source link", an ad-blocker plea, subscribe lines), lightly edited
//     rewrites, and articles that excerpt two paragraphs of a wire story
//     inside otherwise original reporting.
//   - Quotes of every shape: straight, curly and «ёлочки» marks, quotes broken
//     by their attribution ("Every day the cranes stand still," Aalto said,
//     "is a day …"), reported speech ("said that …"), and the same statement
//     in English and in Russian translation.
//   - Datelines ("PORTVILLE, March 2 (Meridian) —"), relative and absolute
//     dates ("on Tuesday", "on February 27", "April 16").
//   - The input formats of a real collection: plain-text files in the shape
//     of ../shared/examples/articles (an optional " date YYYY-MM-DD" token, a
//     title line, a date line, a dateline), full HTML pages with navigation,
//     cookie banners and related links, and one JSON Lines export
//     (dailycourier.example/feed.jsonl) in the common article form.
//
// FS returns the files; Truth returns what is known about them: each
// article's event, story, language, publication day, quotes with their
// speakers and the boilerplate lines around its reporting, and every pair of
// articles that share text, with the kind of copy. WriteClusters and
// WritePairs write the gold files ../shared/tools/score_clusters.py and
// score_dups.py read.
package corpus
