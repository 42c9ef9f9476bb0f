package sqlite

import "github.com/parley-news/parley/storetest"

// The conformance suite's surname test runs for this store, not skips.
var _ storetest.SurnameResolver = (*Store)(nil)
