# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# distutils: language = c++
"""The timeline's fold compiled: the developments an event could join, and the event loop of a batch.

The same rules as ``develop.Development`` and ``memory.Memory`` (the Python projection is their
reference, and tests/timeline compares the tables both write), kept in C where a rebuild spends
its time: a development's matching state (its single roles, item ids and date) is fields of a C
object, buckets are a C++ map from (type and actors, year) to developments, and an event is
decoded straight into locals. What a development's row shows (its sources, status history,
value, ...) stays in Python containers, and only while it is *hot*: a development no batch has
touched lately keeps its matching state only, and reads the rest back from its row when an
event joins it again (it was written when its batch ended).
"""

cimport cython
from cython.operator cimport dereference as deref
from cpython.object cimport PyObject
from cpython.set cimport PySet_Add
from cpython.unicode cimport PyUnicode_Check, PyUnicode_Tailmatch
from libc.stdint cimport int32_t, int64_t, uint64_t
from libcpp.algorithm cimport sort
from libcpp.unordered_map cimport unordered_map
from libcpp.vector cimport vector

import msgspec
import orjson

from tracker.timeline import develop
from tracker.timeline.batch import date_span
from tracker.timeline.facts import _actor_key, _decode_payload, facts_of, item_norm

cdef object _dumps = orjson.dumps
cdef object _loads = orjson.loads
cdef object _matching_state = develop.matching_state
cdef object _development_from = develop.development_from
cdef object _ValidationError = msgspec.ValidationError
cdef object _dates_compatible = develop.dates_compatible
cdef tuple _ROLE_LISTS = ("about", "parties")
cdef dict _RANK = {"year": 1, "month": 2, "day": 3}
cdef int64_t NO_YEAR = 0
cdef int64_t NONE_VALUE = 0  # the id of a None role value


@cython.no_gc  # no cycles through it: one in each of a rebuild's buckets, left out of collections
cdef class Dev:
    """A development: its matching state always, its reporting state while hot (``state``)."""

    cdef readonly int64_t id
    cdef int32_t key
    cdef int64_t year
    cdef object date  # str or None
    cdef Py_ssize_t date_len  # len(date or "")
    cdef vector[int64_t] singles  # (role id << 32) | value id of each single role, in order
    cdef vector[int64_t] norms  # item ids, in order
    cdef Hot state  # None while cool: it is in the development's row
    cdef int64_t hot_clock  # the batch that last moved it to the end of ``Engine.hot``


@cython.no_gc
cdef class Hot:
    """What a development's row shows besides its matching state."""

    cdef object roles, items, value, history, sources
    cdef object precision, status, status_r, first, last
    cdef int64_t status_p
    cdef double best_c
    cdef int best_k
    cdef int64_t best_n
    cdef int64_t events
    cdef object start, end  # the date's first and last day


cdef inline bint _has(vector[int64_t]& values, int64_t value) noexcept:
    cdef size_t i
    for i in range(values.size()):
        if values[i] == value:
            return True
    return False


cdef class Engine:
    """The developments held, as ``memory.Memory`` holds them, and a batch's rows (the ``_Batch``'s)."""

    cdef public int64_t limit  # developments held at most after a batch (matching state)
    cdef public int64_t hot_limit  # developments whose reporting state is held after a batch
    cdef public int64_t position
    cdef public object loader  # the batch's: reads rows of timeline_developments (``memory.Rows``)
    cdef readonly int64_t keys_read, rows_read  # keys and developments read back from the tables
    cdef bint complete
    cdef int64_t clock
    # interning
    cdef dict types, actors, role_ids, norm_ids, name_norms, years, key_ids, dates
    cdef list type_names, norm_names, key_names
    cdef unordered_map[uint64_t, int32_t] signatures
    cdef vector[char] key_whole  # every bucket of the key is held (or known empty)
    cdef vector[vector[int64_t]] key_loaded  # else the years whose buckets are held
    cdef vector[char] key_statement
    cdef vector[int64_t] key_used
    cdef vector[vector[int64_t]] key_years
    cdef unordered_map[uint64_t, vector[PyObject*]] buckets  # borrowed: ``by_id`` owns them
    cdef dict by_id, hot
    cdef dict read  # the rows read back by this batch, by id: what warming one of them reads
    # the batch's rows
    cdef public list rows, versions
    cdef public set items
    cdef public dict touched, created
    cdef public set emptied

    def __init__(self, int64_t limit, int64_t hot_limit):
        self.limit = limit
        self.hot_limit = hot_limit
        self.types, self.type_names = {}, []
        self.actors = {None: NONE_VALUE}
        self.role_ids, self.norm_ids, self.norm_names, self.name_norms = {}, {}, [], {}
        self.years, self.key_ids, self.key_names, self.dates = {}, {}, [], {}
        self.reset(False)
        self.begin()

    # -- as ``Memory``: valid while it follows the checkpoint --------------------------------

    def reset(self, bint empty, int64_t position=-1):
        self.complete = empty
        self.position = position
        self.buckets.clear()
        self.by_id, self.hot = {}, {}
        cdef size_t i
        for i in range(self.key_whole.size()):
            self.key_whole[i] = empty
            self.key_years[i].clear()
            self.key_loaded[i].clear()

    def follows(self, int64_t first_position):
        if first_position == self.position + 1:
            return True
        self.reset(False)
        return False

    def begin(self):
        self.rows, self.versions, self.items = [], [], set()
        self.touched, self.created, self.emptied = {}, {}, set()
        self.read = {}
        self.clock += 1

    def done(self, int64_t last_position):
        """The batch is written: keep the reporting state of the last ``hot_limit`` developments
        touched, and the matching state of ``limit`` (whole keys, least recently used out)."""
        self.position = last_position
        cdef Dev dev
        cdef Py_ssize_t excess = len(self.hot) - self.hot_limit
        if excess > 0:  # in one pass: popping the first key again and again walks the slots it freed
            held = list(self.hot.values())
            for dev in held[:excess]:
                dev.state = None  # keep only what matching reads: the rest is in its row
            self.hot = {dev.id: dev for dev in held[excess:]}
        if len(self.by_id) > self.limit:
            self._evict(self.limit * 9 // 10)

    def held(self):
        return len(self.by_id), len(self.hot)

    cdef void _evict(self, Py_ssize_t keep):
        cdef vector[int64_t] order
        cdef int32_t key
        cdef size_t i
        for key in range(<int32_t>self.key_whole.size()):
            if self.key_years[key].size():
                order.push_back((self.key_used[key] << 24) | key)
        sort(order.begin(), order.end())
        for i in range(order.size()):
            if len(self.by_id) <= keep:
                break
            self._forget_key(<int32_t>(order[i] & 0xFFFFFF))

    cdef void _forget_key(self, int32_t key):
        cdef int64_t year
        cdef PyObject* p
        cdef uint64_t where
        for year in self.key_years[key]:
            where = (<uint64_t>key << 32) | <uint64_t>year
            for p in self.buckets[where]:
                self.hot.pop((<Dev>p).id, None)
                del self.by_id[(<Dev>p).id]
            self.buckets.erase(where)
        self.key_years[key].clear()
        self.key_loaded[key].clear()
        self.key_whole[key] = False

    # -- interning -----------------------------------------------------------------------------

    cdef int64_t _value_id(self, object value) except -1:
        """Role values compare as Python compares them (``roles_compatible``): equal values, one id."""
        key = value if value is None or PyUnicode_Check(value) else _canon(value)
        found = self.actors.get(key)
        if found is None:
            found = self.actors[key] = len(self.actors)
        return <int64_t>found

    cdef int64_t _role_id(self, object role):
        found = self.role_ids.get(role)
        if found is None:
            found = self.role_ids[role] = len(self.role_ids) + 1
        return <int64_t>found

    cdef int64_t _norm_of(self, object name):
        found = self.name_norms.get(name)
        if found is None:
            found = self._norm_id(item_norm(name))
            if len(self.name_norms) >= 200_000:
                self.name_norms.clear()
            self.name_norms[name] = found
        return <int64_t>found

    cdef int64_t _norm_id(self, object norm):
        found = self.norm_ids.get(norm)
        if found is None:
            found = self.norm_ids[norm] = len(self.norm_names)
            self.norm_names.append(norm)
        return <int64_t>found

    cdef object _date(self, object date):
        """One object for equal dates (the days of a few decades): a development held keeps one."""
        if date is None:
            return None
        found = self.dates.get(date)
        if found is None:
            if len(self.dates) >= 100_000:  # not days after all: bounded anyway
                self.dates.clear()
            found = self.dates[date] = date
        return found

    cdef int64_t _year_of(self, object date):
        """The bucket of a date (``memory.year_of``): its year, or NO_YEAR for a falsy date."""
        if not date:
            return NO_YEAR
        year = date[:4]
        found = self.years.get(year)
        if found is None:
            found = self.years[year] = len(self.years) + 1
        return <int64_t>found

    cdef int32_t _key_named(self, object type_, object actor_key):
        pair = (type_, actor_key)
        found = self.key_ids.get(pair)
        if found is None:
            found = self.key_ids[pair] = len(self.key_names)
            self.key_names.append(pair)
            self.key_whole.push_back(self.complete)
            self.key_loaded.push_back(vector[int64_t]())
            self.key_statement.push_back(type_ == "statement")
            self.key_used.push_back(0)
            self.key_years.push_back(vector[int64_t]())
        return <int32_t>found

    cdef int32_t _key_of(self, object type_, dict roles, vector[int64_t]& singles) except -1:
        """The event's key, and its single roles (role id << 32 | value id) into ``singles``."""
        cdef vector[int64_t] ids
        cdef bint plain = True
        cdef int64_t role, value_id
        cdef Py_ssize_t n
        type_id = self.types.get(type_)
        if type_id is None:
            type_id = self.types[type_] = len(self.types) + 1
        for role_name, value in roles.items():
            if role_name in _ROLE_LISTS:
                if type(value) is list:
                    for actor in value:
                        if PyUnicode_Check(actor):
                            ids.push_back(self._value_id(actor))
                        else:
                            plain = False
                else:
                    plain = False
                continue
            value_id = self._value_id(value)
            role = self._role_id(role_name)
            singles.push_back((role << 32) | value_id)
            if PyUnicode_Check(value):
                ids.push_back(value_id)
            else:
                plain = False
        if not plain or <int64_t>type_id >= 16:
            return self._key_named(type_, _actor_key(roles))
        # The sorted, distinct actor ids (ids of strings start at 1) and the type make a 64-bit
        # signature: the key of most events without building their actor_key's text.
        sort(ids.begin(), ids.end())
        cdef uint64_t signature = <uint64_t>(<int64_t>type_id) << 60
        cdef int64_t last = -1
        n = 0
        for value_id in ids:
            if value_id == last:
                continue
            last = value_id
            n += 1
            if n > 3 or value_id >= (1 << 20):
                return self._key_named(type_, _actor_key(roles))
            signature |= <uint64_t>value_id << (20 * (3 - n))
        cdef unordered_map[uint64_t, int32_t].iterator found = self.signatures.find(signature)
        if found != self.signatures.end():
            return deref(found).second
        cdef int32_t key = self._key_named(type_, _actor_key(roles))
        self.signatures[signature] = key
        return key

    # -- a batch -------------------------------------------------------------------------------

    def run(self, list records, Py_ssize_t start, frozenset event_types, dict stamps, object iso):
        """Fold the records' events from index ``start`` until a record about other events (a
        retraction or supersession: the caller applies it), whose index it returns, or the end."""
        cdef Py_ssize_t i, n = len(records)
        cdef int64_t position
        for i in range(start, n):
            r = records[i]
            type_ = r[2]
            if type_ not in event_types:
                if type_ == "retracted" or type_ == "superseded":
                    return i
                continue
            stamp = stamps.get(r[5])
            if stamp is None:
                stamp = stamps[r[5]] = iso(r.recorded_at)
            position = r[0]
            raw = r[4]
            if type(raw) is dict:
                self._fold_facts(facts_of(position, raw, stamp))
                continue
            try:
                payload = _decode_payload(raw)
            except _ValidationError:
                self._fold_facts(facts_of(position, _loads(raw), stamp))
                continue
            self._fold_payload(position, payload, stamp)
        return n

    cdef void _fold_payload(self, int64_t position, object p, object stamp) except *:
        """``facts.facts_of_json``'s reading of a payload, folded without building its Facts."""
        cdef vector[int64_t] norms
        names = quantities = None
        listed = p.items
        if listed:
            names, quantities = [], []
            for item in listed:
                name = item.name
                if name:
                    norms.push_back(self._norm_of(name))
                    names.append(name)
                    quantities.append(item.quantity)
        occurred, evidence = p.occurred, p.evidence
        date, precision = (occurred.date, occurred.precision) if occurred is not None else (None, None)
        roles = p.roles or {}
        self._fold(
            position, p.type, roles, norms, names, quantities, p.value, date, precision, p.status,
            evidence.url if evidence is not None else None, p.reported_at or stamp, float(p.confidence or 0),
        )

    cdef void _fold_facts(self, object facts) except *:
        cdef vector[int64_t] norms
        names, quantities = [], []
        for norm, name, quantity in facts.items:
            norms.push_back(self._norm_id(norm))
            names.append(name)
            quantities.append(quantity)
        self._fold(
            facts.position, facts.type, facts.roles, norms, names, quantities, facts.value, facts.date,
            facts.precision, facts.status, facts.url, facts.reported_at or facts.recorded_at,
            facts.confidence,
        )

    cdef void _fold(
        self, int64_t position, object type_, dict roles, vector[int64_t]& norms, list names,
        list quantities, object value, object date, object precision, object status, object url,
        object reported, double confidence,
    ) except *:
        """``_Batch.add``: the event joins the development it fits, or starts one."""
        cdef vector[int64_t] singles
        cdef vector[int64_t] distinct
        cdef size_t i
        for i in range(norms.size()):
            if not _has(distinct, norms[i]):
                distinct.push_back(norms[i])
        cdef int32_t key = self._key_of(type_, roles, singles)
        self.key_used[key] = self.clock
        if not self.key_whole[key]:
            self._load_for(key, date)
        cdef Dev dev = self._assign(key, singles, distinct, date)
        cdef int64_t year
        if dev is None:
            dev = Dev.__new__(Dev)
            dev.id, dev.key = position, key
            _begin(dev)
            self._add(dev, position, roles, norms, names, quantities, value, date, precision, status, url,
                      reported, confidence)
            dev.year = self._year_of(dev.date)
            self._put(dev)
            self.created[dev.id] = self.key_names[key][1]
        elif dev.date is None and date is not None:
            year = dev.year
            self._add(dev, position, roles, norms, names, quantities, value, date, precision, status, url,
                      reported, confidence)
            if self._year_of(dev.date) != year:  # it gains a year: file it under that year
                self._remove(dev)
                dev.year = self._year_of(dev.date)
                self._put(dev)
        else:
            self._add(dev, position, roles, norms, names, quantities, value, date, precision, status, url,
                      reported, confidence)
        cdef int64_t dev_id = dev.id
        self.touched[dev_id] = dev
        self.versions.append(self._version(dev, position))
        self.rows.append((position, dev_id))

    cdef Dev _assign(self, int32_t key, vector[int64_t]& singles, vector[int64_t]& norms, object date):
        """``develop.assign`` over ``Memory.for_event``'s candidates: the best compatible, or None."""
        cdef Dev best = None
        cdef Py_ssize_t date_len = len(date) if date else 0
        cdef int64_t year
        cdef size_t y
        if date is None:
            for y in range(self.key_years[key].size()):
                best = self._best_in(key, self.key_years[key][y], best, singles, norms, date, date_len)
            return best
        if date:  # a bucket of "" would be empty: developments without a date are filed under none
            year = self._year_of(date)
            best = self._best_in(key, year, best, singles, norms, date, date_len)
        return self._best_in(key, NO_YEAR, best, singles, norms, date, date_len)

    cdef Dev _best_in(
        self, int32_t key, int64_t year, Dev best, vector[int64_t]& singles, vector[int64_t]& norms,
        object date, Py_ssize_t date_len,
    ):
        cdef unordered_map[uint64_t, vector[PyObject*]].iterator found = self.buckets.find(
            (<uint64_t>key << 32) | <uint64_t>year
        )
        if found == self.buckets.end():
            return best
        cdef vector[PyObject*]* bucket = &deref(found).second
        cdef Dev dev
        cdef size_t i
        cdef bint statement = self.key_statement[key]
        cdef Py_ssize_t shared_date, best_date = 0
        cdef int64_t shared, best_shared = 0
        if best is not None:
            best_date = min(best.date_len, date_len)
            best_shared = _shared(best.norms, norms)
        for i in range(bucket.size()):
            dev = <Dev>bucket[0][i]
            if not _accepts(dev, singles, norms, date, statement):
                continue
            shared_date = min(dev.date_len, date_len)
            shared = _shared(dev.norms, norms)
            if best is None or _better(shared_date, shared, dev.id, best_date, best_shared, best.id):
                best, best_date, best_shared = dev, shared_date, shared
        return best

    cdef void _add(
        self, Dev dev, int64_t position, dict roles, vector[int64_t]& norms, list names, list quantities,
        object value, object date, object precision, object status, object url, object reported,
        double confidence,
    ) except *:
        """``Development.add``."""
        if dev.state is None:
            self._warm(dev)
        if dev.hot_clock != self.clock:  # most recently touched last: ``done`` cools the first
            self.hot.pop(dev.id, None)
            self.hot[dev.id] = dev
            dev.hot_clock = self.clock
        dev.state.events += 1
        if roles != dev.state.roles:
            _merge_roles(dev.state.roles, roles)
            self._singles(dev, dev.state.roles)
        cdef size_t i
        items = dev.state.items
        norm_names = self.norm_names
        for i in range(norms.size()):
            norm, quantity = norm_names[norms[i]], quantities[i]
            known = items.get(norm)
            if known is None:  # new to it: its row of timeline_items (every item it ever had)
                items[norm] = (names[i], quantity)
                dev.norms.push_back(norms[i])
                self.items.add((dev.id, norm))
            elif known[1] is None and quantity is not None:
                items[norm] = (known[0], quantity)
        if dev.state.value is None and value:
            dev.state.value = value
        if date and len(date) > dev.date_len:
            dev.date, dev.state.precision, dev.date_len = self._date(date), precision, len(date)
            dev.state.start, dev.state.end = date_span(dev.date)
        cdef bint later
        if status:
            later = position >= dev.state.status_p if reported == dev.state.status_r else reported >= dev.state.status_r
            if later:
                dev.state.status, dev.state.status_r, dev.state.status_p = status, reported, position
            dev.state.history.append((reported, status))
        if url:
            PySet_Add(dev.state.sources, url)
        if reported:
            if dev.state.first is None or reported < dev.state.first:
                dev.state.first = reported
            if dev.state.last is None or reported > dev.state.last:
                dev.state.last = reported
        cdef int rank = _RANK.get(precision or "", 0)
        if _ranks_above(confidence, rank, -position, dev.state.best_c, dev.state.best_k, dev.state.best_n):
            dev.state.best_c, dev.state.best_k, dev.state.best_n = confidence, rank, -position

    cdef tuple _version(self, Dev dev, int64_t position):
        """``projection.version_row``."""
        start = dev.state.start
        return (
            dev.id, position, (<tuple>self.key_names[dev.key])[0], dev.state.end,
            start or (dev.state.first or "9999")[:10], dev.state.status, len(dev.state.sources), dev.state.events,
        )

    cdef void _singles(self, Dev dev, dict roles) except *:
        dev.singles.clear()
        for role, value in roles.items():
            if role not in _ROLE_LISTS:
                dev.singles.push_back((self._role_id(role) << 32) | self._value_id(value))

    cdef void _put(self, Dev dev) except *:
        cdef uint64_t where = (<uint64_t>dev.key << 32) | <uint64_t>dev.year
        cdef unordered_map[uint64_t, vector[PyObject*]].iterator found = self.buckets.find(where)
        if found == self.buckets.end():
            self.key_years[dev.key].push_back(dev.year)
        self.buckets[where].push_back(<PyObject*>dev)
        self.by_id[dev.id] = dev

    cdef void _remove(self, Dev dev) except *:
        cdef vector[PyObject*]* bucket = &self.buckets[(<uint64_t>dev.key << 32) | <uint64_t>dev.year]
        cdef size_t i
        for i in range(bucket.size()):
            if bucket[0][i] == <PyObject*>dev:
                bucket.erase(bucket.begin() + i)
                break
        del self.by_id[dev.id]

    # -- reading back what the tables hold -----------------------------------------------------

    cdef void _load_for(self, int32_t key, object date) except *:
        """Read back the buckets an event could join (``Memory.prepare``): its year's and the
        undated one, or every one of its key when it is undated itself."""
        type_, actor_key = self.key_names[key]
        cdef int64_t year
        if date is None:
            self._load(key, self.loader.key_rows(type_, actor_key))
            self.key_whole[key] = True
            return
        if date:
            year = self._year_of(date)
            if not _has(self.key_loaded[key], year):
                self._load(key, self.loader.bucket_rows(type_, actor_key, date[:4]))
                self.key_loaded[key].push_back(year)
        if not _has(self.key_loaded[key], NO_YEAR):
            self._load(key, self.loader.bucket_rows(type_, actor_key, None))
            self.key_loaded[key].push_back(NO_YEAR)

    cdef void _load(self, int32_t key, list rows) except *:
        """Developments of the tables, for matching. Those held already (read back before, or
        changed by this batch) and those this batch emptied are newer here than their rows."""
        cdef Dev dev
        self.keys_read += 1
        by_id, emptied, read = self.by_id, self.emptied, self.read
        for row in rows:
            if row[0] in by_id or row[0] in emptied:
                continue
            read[row[0]] = row
            dev = Dev.__new__(Dev)
            dev.id, dev.key = row[0], key
            dev.date = self._date(row[3])
            dev.date_len = len(dev.date) if dev.date else 0
            dev.year = self._year_of(dev.date)
            light = _matching_state(row[9])
            if light is not None:
                roles, items = light.roles, light.items
            else:
                state = _loads(row[9])
                roles, items = state["roles"], state["items"]
            self._singles(dev, roles)
            for item in items:
                if not _has(dev.norms, self._norm_id(item[0])):
                    dev.norms.push_back(self._norm_id(item[0]))
            self._put(dev)

    cdef void _warm(self, Dev dev) except *:
        """Its reporting state, read back from its row."""
        row = self.read.pop(dev.id, None)
        if row is None:
            row = self.loader.row(dev.id)
            self.rows_read += 1
        dev.state = _hot_of(_development_from(row))

    # -- retractions: the caller folds the development again (``_Batch._refold``) --------------

    def release(self, int64_t dev_id):
        """Take a development out before it is folded again. One not held stays out of the
        buckets read back later in the batch: it is refiled (held) or emptied."""
        dev = self.by_id.get(dev_id)
        if dev is not None:
            self._remove(dev)
            self.hot.pop(dev_id, None)

    def refile(self, development):
        """File a development folded again from its members (a ``develop.Development``)."""
        cdef Dev dev = Dev.__new__(Dev)
        dev.id, dev.key = development.id, self._key_named(development.type, development.actor_key)
        dev.state = _hot_of(development)
        dev.date = self._date(development.date)
        dev.date_len = len(dev.date) if dev.date else 0
        dev.year = self._year_of(dev.date)
        self._singles(dev, dev.state.roles)
        for norm in dev.state.items:
            dev.norms.push_back(self._norm_id(norm))
        self._put(dev)
        self.hot[dev.id] = dev
        dev.hot_clock = self.clock
        self.touched[dev.id] = dev

    # -- the rows a batch writes ---------------------------------------------------------------

    def development_rows(self):
        """``projection.development_row`` of each development the batch touched, by id."""
        touched = self.touched
        return [self._development_row(touched[dev_id]) for dev_id in sorted(touched)]

    cdef tuple _development_row(self, Dev dev):
        state = {
            "roles": dev.state.roles,
            "items": [(norm, name, quantity) for norm, (name, quantity) in dev.state.items.items()],
            "value": dev.state.value,
            "status_at": (dev.state.status_r, dev.state.status_p),
            "history": dev.state.history,
            "sources": sorted(dev.state.sources),
            "best": (dev.state.best_c, dev.state.best_k, dev.state.best_n),
        }
        type_, actor_key = self.key_names[dev.key]
        start, first = dev.state.start, dev.state.first
        return (
            dev.id, type_, actor_key, dev.date, dev.state.precision, start, dev.state.end,
            start or (first or "9999")[:10], dev.state.status, len(dev.state.sources), dev.state.events, dev.state.best_c, first,
            dev.state.last, -dev.state.best_n, _dumps(state).decode(),
        )


cdef Hot _hot_of(object development):
    """The reporting state of a ``develop.Development``: read back whole, or folded again."""
    cdef Hot hot = Hot.__new__(Hot)
    hot.precision, hot.roles, hot.items = development.precision, development.roles, development.items
    hot.value, hot.status = development.value, development.status
    hot.status_r, hot.status_p = development.status_at
    hot.history, hot.sources = development.history, development.sources
    hot.first, hot.last, hot.events = development.first_reported, development.last_reported, development.events
    hot.best_c, hot.best_k, hot.best_n = development.best
    if development.date is not None:
        hot.start, hot.end = date_span(development.date)
    return hot


cdef void _begin(Dev dev) noexcept:
    """A new development's state before its first event (``Development``'s defaults)."""
    cdef Hot hot = Hot.__new__(Hot)
    hot.roles, hot.items, hot.history, hot.sources = {}, {}, [], set()
    hot.status_r, hot.status_p = "", 0
    hot.best_c, hot.best_k, hot.best_n = -1.0, 0, 0
    dev.state = hot


cdef bint _accepts(Dev dev, vector[int64_t]& singles, vector[int64_t]& norms, object date,
                   bint statement) except -1:
    """``Development.accepts`` for a development of the event's key."""
    cdef size_t i, j
    cdef int64_t mine, theirs
    for i in range(dev.singles.size()):  # roles_compatible: shared single roles agree
        mine = dev.singles[i]
        for j in range(singles.size()):
            theirs = singles[j]
            if (theirs >> 32) == (mine >> 32):  # (a None value, which the Python fold skips here,
                if theirs != mine:  # fails both folds earlier: an actor_key is text)
                    return False
                break
    mine_date = dev.date
    if mine_date is not None and date is not None:
        if PyUnicode_Check(mine_date) and PyUnicode_Check(date):
            if dev.date_len >= len(date):
                if not PyUnicode_Tailmatch(mine_date, date, 0, dev.date_len, -1):
                    return False
            elif not PyUnicode_Tailmatch(date, mine_date, 0, len(date), -1):
                return False
        elif not _dates_compatible(mine_date, date):
            return False
    if statement and (mine_date is None) != (date is None):
        return False  # "X said" on unknown days are not one statement with a dated one
    if dev.norms.size() and norms.size():
        return _shared(dev.norms, norms) > 0
    if dev.norms.size() or norms.size():  # one side names no item: only a date pins them together
        return mine_date is not None and date is not None
    return True


cdef inline int64_t _shared(vector[int64_t]& mine, vector[int64_t]& theirs) noexcept:
    cdef int64_t count = 0
    cdef size_t i
    for i in range(theirs.size()):
        if _has(mine, theirs[i]):
            count += 1
    return count


cdef inline bint _better(Py_ssize_t date_a, int64_t shared_a, int64_t id_a, Py_ssize_t date_b,
                         int64_t shared_b, int64_t id_b) noexcept:
    """``Development.affinity`` compared: (shared date, shared items, -id)."""
    if date_a != date_b:
        return date_a > date_b
    if shared_a != shared_b:
        return shared_a > shared_b
    return id_a < id_b


cdef inline bint _ranks_above(double c, int k, int64_t n, double best_c, int best_k, int64_t best_n) noexcept:
    """(confidence, precision rank, -position) > best, as tuples compare."""
    if c != best_c:
        return c > best_c
    if k != best_k:
        return k > best_k
    return n > best_n


cdef void _merge_roles(dict mine, dict theirs) except *:
    """``Development.add``'s roles: single roles are kept, lists are merged without repeats."""
    for key, value in theirs.items():
        if key in _ROLE_LISTS:
            mine[key] = list(dict.fromkeys([*mine.get(key, []), *value]))
        else:
            mine.setdefault(key, value)


cdef object _canon(object value):
    """A hashable stand-in for a role value that is not text, equal where the values are equal."""
    if type(value) is list:
        return ("list", tuple([_canon(v) for v in value]))
    if type(value) is dict:
        return ("dict", frozenset([(k, _canon(v)) for k, v in value.items()]))
    return value
