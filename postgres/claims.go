package postgres

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/claim"
	"github.com/parley-news/parley/export"
	"github.com/parley-news/parley/resolve"
)

// claimItem is one article's claim on its way to a cross-article claim.
type claimItem struct {
	p     *prepared
	docID int64
	c     export.Claim
	key   string
	words []string
	exact int64   // the stored claim with this key, or 0
	close []group // stored claims sharing at least three key words, most shared first
}

// group is a cross-article claim that a claim may join.
type group struct {
	id     int64
	key    string
	shared int
}

// similarSQL finds the stored claims that share at least three words with a
// key (the words, $1), the most shared first.
const similarSQL = `SELECT cw.claim, c.key, count(*) FROM claim_words cw JOIN claims c ON c.id = cw.claim
	WHERE cw.word = ANY($1) GROUP BY cw.claim, c.key HAVING count(*) >= 3 ORDER BY count(*) DESC, cw.claim LIMIT 20`

// putClaims groups the claims of the stored articles with the stored
// claims (the same key, or a close one: claim.SameKey) and with each
// other, in batch order, as the sqlite store does one at a time.
func (w *writer) putClaims(ps []*prepared, put []int, ids map[string]int64) error {
	var items []*claimItem
	for _, i := range put {
		p := ps[i]
		for _, c := range p.doc.Claims {
			it := &claimItem{p: p, docID: ids[p.hash], c: c, key: clean(c.Key)}
			if it.key == "" {
				// Without a grouping key a claim stands alone.
				it.key = "article:" + articleID(p.hash) + ":" + c.ID
			} else {
				it.words = strings.Fields(it.key)
			}
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		return nil
	}
	if err := w.lookUpClaims(items); err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	byKey := map[string]int64{} // claims the batch created, by key
	var made []group            // and in order, for close keys
	var newClaims, links, stances [][]any
	var words [][]any
	touched := map[int64]bool{}
	next := tempBase
	for _, it := range items {
		id, ok := byKey[it.key]
		if !ok {
			id = it.exact
		}
		if id == 0 && len(it.words) > 0 {
			id = closest(it, made)
		}
		if id == 0 {
			id, next = next, next+1
			byKey[it.key] = id
			newClaims = append(newClaims, []any{id, it.key, clean(it.c.Text), it.c.Status})
			made = append(made, group{id: id, key: it.key})
			seen := map[string]bool{}
			for _, wd := range it.words {
				if !seen[wd] {
					seen[wd] = true
					words = append(words, []any{wd, id})
				}
			}
		}
		touched[id] = true
		links = append(links, []any{it.docID, it.c.ID, id, it.c.Status})
		for _, st := range it.c.Stances {
			stances = append(stances, stanceRow(id, it.docID, st, it.p.runes))
		}
	}
	real, err := w.drawIDs("claims", len(newClaims))
	if err != nil {
		return err
	}
	remap := func(v any) any {
		if id := v.(int64); id >= tempBase {
			return real[id-tempBase]
		}
		return v
	}
	for _, r := range newClaims {
		r[0] = remap(r[0])
	}
	for _, r := range words {
		r[1] = remap(r[1])
	}
	for _, r := range links {
		r[2] = remap(r[2])
	}
	for _, r := range stances {
		r[0] = remap(r[0])
	}
	if err := w.copy("claims", []string{"id", "key", "text", "status"}, newClaims); err != nil {
		return err
	}
	if err := w.copy("claim_words", []string{"word", "claim"}, words); err != nil {
		return err
	}
	if err := w.copy("doc_claims", []string{"document", "local_id", "claim", "status"}, links); err != nil {
		return err
	}
	if err := w.copy("stances", stanceCols, stances); err != nil {
		return err
	}
	var all []int64
	for id := range touched {
		all = append(all, remap(id).(int64))
	}
	return w.updateClaimStatuses(all)
}

// lookUpClaims finds, for every item, the stored claim of its key (one
// round trip for the batch) and, for those without one, the stored claims
// whose keys share three words with it (a second round trip): the
// look-up by words reads every claim that has one of the words, so it is
// not made when the key itself is known.
func (w *writer) lookUpClaims(items []*claimItem) error {
	b := &pgx.Batch{}
	for _, it := range items {
		b.Queue("SELECT id FROM claims WHERE key = $1", it.key).QueryRow(func(r pgx.Row) error {
			err := r.Scan(&it.exact)
			if errNoRows(err) {
				return nil
			}
			return err
		})
	}
	if err := w.tx.SendBatch(w.ctx, b).Close(); err != nil {
		return err
	}
	b = &pgx.Batch{}
	for _, it := range items {
		if it.exact != 0 || len(it.words) < 3 {
			continue
		}
		b.Queue(similarSQL, it.words).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var g group
				if err := rows.Scan(&g.id, &g.key, &g.shared); err != nil {
					return err
				}
				it.close = append(it.close, g)
			}
			return rows.Err()
		})
	}
	if b.Len() == 0 {
		return nil
	}
	return w.tx.SendBatch(w.ctx, b).Close()
}

// closest returns the claim whose key claim.SameKey matches the item's,
// among the stored ones and those the batch made before it, the most
// shared words first, or 0.
func closest(it *claimItem, made []group) int64 {
	cands := slices.Clone(it.close)
	for _, g := range made {
		if n := sharedWords(it.words, g.key); n >= 3 {
			cands = append(cands, group{id: g.id, key: g.key, shared: n})
		}
	}
	slices.SortStableFunc(cands, func(a, b group) int {
		if c := cmp.Compare(b.shared, a.shared); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	for _, g := range cands[:min(len(cands), 20)] {
		if claim.SameKey(it.key, g.key) {
			return g.id
		}
	}
	return 0
}

// sharedWords counts the distinct words of words that key has.
func sharedWords(words []string, key string) int {
	kw := strings.Fields(key)
	n := 0
	seen := map[string]bool{}
	for _, w := range words {
		if !seen[w] && slices.Contains(kw, w) {
			n++
		}
		seen[w] = true
	}
	return n
}

// updateClaimStatuses derives the status of claims from all their
// articles' stances (resolve.ClaimStatus), and deletes those no article
// has any more.
func (w *writer) updateClaimStatuses(ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	statuses := map[int64][]string{}
	rows, err := w.tx.Query(w.ctx, "SELECT claim, status FROM doc_claims WHERE claim = ANY($1)", ids)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var st string
		if err := rows.Scan(&id, &st); err != nil {
			rows.Close()
			return err
		}
		statuses[id] = append(statuses[id], st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	support, deny := map[int64]map[string]bool{}, map[int64]map[string]bool{}
	rows, err = w.tx.Query(w.ctx, `SELECT st.claim, st.stance, coalesce(de.entity::text, ''), st.source_name
		FROM stances st LEFT JOIN doc_entities de ON de.document = st.document AND de.local_id = st.source
		WHERE st.claim = ANY($1)`, ids)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var stance, entity, name string
		if err := rows.Scan(&id, &stance, &entity, &name); err != nil {
			rows.Close()
			return err
		}
		who := entity
		if who == "" {
			who = "name:" + normKey(name)
		}
		side := support
		if resolve.Denies(parley.Stance(stance)) {
			side = deny
		} else if !resolve.Supports(parley.Stance(stance)) {
			continue
		}
		if side[id] == nil {
			side[id] = map[string]bool{}
		}
		side[id][who] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var upd, gone []int64
	var newStatus []string
	for _, id := range ids {
		if len(statuses[id]) == 0 {
			gone = append(gone, id)
			continue
		}
		upd = append(upd, id)
		newStatus = append(newStatus, string(resolve.ClaimStatus(statuses[id], support[id], deny[id])))
	}
	if len(gone) > 0 {
		if _, err := w.tx.Exec(w.ctx, "DELETE FROM claim_words WHERE claim = ANY($1)", gone); err != nil {
			return err
		}
		if _, err := w.tx.Exec(w.ctx, "DELETE FROM claims WHERE id = ANY($1)", gone); err != nil {
			return err
		}
	}
	_, err = w.tx.Exec(w.ctx, `UPDATE claims c SET status = u.status FROM unnest($1::int8[], $2::text[]) AS u(id, status)
		WHERE c.id = u.id AND c.status <> u.status`, upd, newStatus)
	return err
}
