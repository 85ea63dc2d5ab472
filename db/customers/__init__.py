"""The customer archive (客户档案): creating, editing, trashing and merging customers, their
contact log, the one search-text formula, instant search, and the customer vocabulary."""
