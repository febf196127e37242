#include "profiler/DistinctCounter.h"

#include "profiler/DistinctKeys.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace steward::profiler {

using namespace DistinctKeys;

namespace {

constexpr double kMaxLoad = 0.9;     // a table grows beyond this share of used slots
constexpr double kTargetLoad = 0.75; // and is sized for this one
constexpr std::size_t kMinCapacity = 64;
// Values seen before the expected count may size a table, a list or the arena: fewer say
// little about the rest. A prediction grows a table at most this many times at once, so
// that a column whose values start repeating later is sized again on fresher figures.
constexpr qint64 kPredictAfter = 4096;
constexpr std::size_t kMaxStep = 8;
// Tables up to this many slots (256 KiB) stay in a core's cache: values go straight in.
constexpr std::size_t kDirectSlots = std::size_t(1) << 15;
// A table this large (1 MiB) no longer does; if at least this share of its values were
// new, it becomes a list: appending costs no cache miss, repeats go when it is full.
constexpr std::size_t kListAfter = std::size_t(1) << 17;
constexpr double kListShare = 0.5;
constexpr quint64 kTextSeed = 1;
constexpr quint64 kBlobSeed = 2;
constexpr std::size_t kMaxArena = std::numeric_limits<quint32>::max() - 1;

} // namespace

bool MemoryBudget::reserve(qint64 bytes)
{
    qint64 available = m_available.load(std::memory_order_relaxed);
    do {
        if (available < bytes)
            return false;
    } while (!m_available.compare_exchange_weak(available, available - bytes, std::memory_order_relaxed));
    return true;
}

DistinctCounter::DistinctCounter(std::shared_ptr<MemoryBudget> budget, qint64 expectedValues)
    : m_budget(std::move(budget)), m_expected(expectedValues), m_textHash(hash64)
{
}

DistinctCounter::DistinctCounter(qint64 limitBytes)
    : m_budget(std::make_shared<MemoryBudget>(limitBytes)), m_textHash(hash64)
{
    if (limitBytes <= 0)
        m_sketch = std::make_unique<HyperLogLog>();
}

DistinctCounter::~DistinctCounter()
{
    freeMemory();
}

bool DistinctCounter::reserve(qint64 bytes)
{
    if (!m_budget->reserve(bytes))
        return false;
    m_reserved += bytes;
    return true;
}

void DistinctCounter::release(qint64 bytes)
{
    m_budget->release(bytes);
    m_reserved -= bytes;
}

void DistinctCounter::addInteger(qint64 value)
{
    enqueue(Integer, integerKey(value), {});
}

void DistinctCounter::addReal(double value)
{
    // SQL compares numbers by value: an integral real is that integer.
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9.2e18)
        return addInteger(qint64(value));
    enqueue(Real, realKey(value), {});
}

void DistinctCounter::addText(QByteArrayView text)
{
    enqueue(Text, m_textHash(text, kTextSeed), text);
}

void DistinctCounter::addBlob(QByteArrayView blob)
{
    enqueue(Blob, m_textHash(blob, kBlobSeed), blob);
}

void DistinctCounter::enqueue(Kind kind, quint64 key, QByteArrayView bytes)
{
    ++m_values;
    if (m_sketch) {
        m_sketch->addHash(key);
        return;
    }
    Set &set = setOf(kind);
    ++set.added;
    if (set.list || set.capacity <= kDirectSlots)
        return insert(kind, key, bytes);
    // Into a large table, values wait in a small batch whose slots are prefetched as they
    // arrive, so that the cache misses overlap instead of coming one after another.
    const bool text = kind == Text || kind == Blob;
    __builtin_prefetch(set.data + home(text ? key & TagBits : key, set.capacity));
    Pending &pending = m_pending[std::size_t(m_pendingCount++)];
    pending.key = key;
    pending.kind = kind;
    if (text) {
        pending.offset = quint32(m_pendingBytes.size());
        pending.length = quint32(bytes.size());
        m_pendingBytes.insert(m_pendingBytes.end(), bytes.data(), bytes.data() + bytes.size());
    }
    if (m_pendingCount == BatchSize)
        flush();
}

void DistinctCounter::insert(Kind kind, quint64 key, QByteArrayView bytes)
{
    if (m_sketch)
        m_sketch->addHash(key);
    else if (kind == Integer)
        insertNumber(m_integers, key);
    else if (kind == Real)
        insertNumber(m_reals, key);
    else
        insertText(key, kind, bytes);
}

void DistinctCounter::flush()
{
    for (int i = 0; i < m_pendingCount; ++i) {
        const Pending &pending = m_pending[std::size_t(i)];
        insert(pending.kind, pending.key,
               QByteArrayView(m_pendingBytes.data() + pending.offset, qsizetype(pending.length)));
    }
    m_pendingCount = 0;
    m_pendingBytes.clear();
}

void DistinctCounter::fail(quint64 hash)
{
    switchToSketch();
    m_sketch->addHash(hash);
}

void DistinctCounter::insertNumber(Set &set, quint64 key)
{
    if (key == 0) { // 0 marks an empty slot
        set.hasZero = true;
        return;
    }
    if (!set.list && !makeTableRoom(set, false))
        return fail(key);
    if (set.list) {
        if (!append(set, key, false))
            fail(key);
        return;
    }
    for (std::size_t i = home(key, set.capacity);; i = next(i, set.capacity)) {
        const quint64 slot = set.data[i];
        if (slot == key)
            return;
        if (slot == 0) {
            set.data[i] = key;
            ++set.size;
            return;
        }
    }
}

void DistinctCounter::insertText(quint64 hash, Kind kind, QByteArrayView bytes)
{
    const quint64 tag = hash & TagBits;
    const quint64 header = (quint64(bytes.size()) << 1) | (kind == Blob ? 1 : 0);
    std::size_t offset = 0;
    if (!m_texts.list && !makeTableRoom(m_texts, true))
        return fail(hash);
    if (m_texts.list) {
        if (!appendToArena(header, bytes, &offset) || !append(m_texts, tag | (quint64(offset) + 1), true))
            fail(hash);
        return;
    }
    std::size_t i = home(tag, m_texts.capacity);
    for (;; i = next(i, m_texts.capacity)) {
        const quint64 slot = m_texts.data[i];
        if (slot == 0)
            break;
        // Equal hash bits are not enough: the bytes decide.
        if ((slot & TagBits) == tag && sameEntry(entryAt(slot), header, bytes))
            return;
    }
    if (!appendToArena(header, bytes, &offset))
        return fail(hash);
    m_texts.data[i] = tag | (quint64(offset) + 1);
    ++m_texts.size;
}

bool DistinctCounter::appendToArena(quint64 header, QByteArrayView bytes, std::size_t *offset)
{
    const std::size_t entrySize = varintSize(header) + std::size_t(bytes.size());
    if (m_arenaSize + entrySize > m_arenaCapacity && !growArena(m_arenaSize + entrySize))
        return false;
    *offset = m_arenaSize;
    const std::size_t headerSize = writeVarint(m_arena + m_arenaSize, header);
    if (!bytes.isEmpty())
        std::memcpy(m_arena + m_arenaSize + headerSize, bytes.data(), std::size_t(bytes.size()));
    m_arenaSize += entrySize;
    return true;
}

const char *DistinctCounter::entryAt(quint64 key) const
{
    return m_arena + ((key & ~TagBits) - 1);
}

quint64 DistinctCounter::entryHash(const char *entry) const
{
    const char *bytes = nullptr;
    const quint64 header = readVarint(entry, &bytes);
    return m_textHash(QByteArrayView(bytes, qsizetype(header >> 1)), header & 1 ? kBlobSeed : kTextSeed);
}

bool DistinctCounter::makeTableRoom(Set &set, bool text)
{
    if (set.size < std::size_t(double(set.capacity) * kMaxLoad))
        return true;
    const bool mostlyNew = double(set.size) >= kListShare * double(set.added);
    if (mostlyNew && set.capacity >= kListAfter) {
        toList(set);
        // Room for the values still to come, if the budget has it; else the list makes
        // room as it fills.
        if (const std::size_t wanted = listWanted(set); wanted > set.capacity)
            resize(set, wanted, text);
        return true;
    }
    const std::size_t doubled = std::max(kMinCapacity, set.capacity * 2);
    std::size_t wanted = doubled;
    if (m_expected > 0 && m_values >= kPredictAfter && set.capacity >= kListAfter) {
        // A large table of values that repeat, where each resize costs: sized for where
        // it is heading, as many new values per value as so far for all the values the
        // scan expects.
        const double predicted = double(set.size + 1) * double(m_expected) / double(m_values);
        const auto sized = std::size_t(predicted / kTargetLoad) + kMinCapacity;
        const auto most = std::size_t(double(m_expected) / kTargetLoad) + kMinCapacity;
        wanted = std::max(doubled, std::min({sized, most, set.capacity * kMaxStep}));
    }
    if (mostlyNew) // a table larger than a core's cache only for values that repeat
        wanted = std::min(wanted, std::max(doubled, kListAfter));
    if (resize(set, wanted, text))
        return true;
    // What the prediction asked for may not fit the budget when doubling still does.
    return wanted > doubled && resize(set, doubled, text);
}

bool DistinctCounter::resize(Set &set, std::size_t capacity, bool text)
{
    const auto bytes = qint64(capacity * sizeof(quint64));
    if (!reserve(bytes))
        return false;
    quint64 *data = allocateKeys(capacity);
    if (!data) {
        release(bytes);
        return false;
    }
    if (set.list) {
        std::memcpy(data, set.data, set.size * sizeof(quint64));
    } else {
        // In the old table's order, which is about the new one's: the writes go forward.
        for (std::size_t j = 0; j < set.capacity; ++j) {
            const quint64 slot = set.data[j];
            if (slot == 0)
                continue;
            std::size_t i = home(text ? slot & TagBits : slot, capacity);
            while (data[i] != 0)
                i = next(i, capacity);
            data[i] = slot;
        }
    }
    freeKeys(set.data, set.capacity);
    release(qint64(set.capacity * sizeof(quint64)));
    set.data = data;
    set.capacity = capacity;
    return true;
}

std::size_t DistinctCounter::listWanted(const Set &set) const
{
    if (m_expected <= 0 || m_values < kPredictAfter)
        return 0;
    // Every value of the kind the scan expects, repeats included.
    return std::size_t(double(set.added) * double(m_expected) / double(m_values) * 1.02) + kMinCapacity;
}

void DistinctCounter::toList(Set &set)
{
    // In place: the keys to the front; partitioned when the list is full or counted.
    std::size_t count = 0;
    for (std::size_t j = 0; j < set.capacity; ++j) {
        if (set.data[j] != 0)
            set.data[count++] = set.data[j];
    }
    set.size = count;
    set.unique = 0;
    set.list = true;
}
bool DistinctCounter::append(Set &set, quint64 key, bool text)
{
    if (set.size == set.capacity) {
        dropRepeats(set, text);
        if (set.size >= set.capacity - set.capacity / 4) { // few repeats dropped: a longer list
            const std::size_t grown = std::max(kMinCapacity, set.capacity + set.capacity / 2);
            const std::size_t wanted = std::max(grown, listWanted(set));
            if (!resize(set, wanted, text) && wanted > grown)
                resize(set, grown, text);
        }
        if (set.size == set.capacity)
            return false;
    }
    set.data[set.size++] = key;
    return true;
}
void DistinctCounter::dropRepeats(Set &set, bool text)
{
    if (set.unique == set.size)
        return;
    std::array<std::size_t, 256> ends{};
    partition(set.data, set.size, ends);
    // Partition by partition, each key into a small table that stays in cache: a repeat
    // is not kept. For text, equal hash bits make a repeat only if the bytes are equal.
    std::size_t kept = 0;
    std::size_t begin = 0;
    for (const std::size_t end : ends) {
        const int bits = scratchBits(end - begin);
        const std::size_t mask = (std::size_t(1) << bits) - 1;
        m_scratch.assign(mask + 1, 0);
        for (std::size_t i = begin; i < end; ++i) {
            const quint64 key = set.data[i];
            const quint64 probe = text ? key & TagBits : key;
            std::size_t slot = scratchSlot(probe, bits);
            bool repeat = false;
            for (; m_scratch[slot] != 0 && !repeat; slot = (slot + 1) & mask) {
                const quint64 held = m_scratch[slot];
                repeat = text ? (held & TagBits) == probe && sameEntries(entryAt(held), entryAt(key)) : held == key;
            }
            if (!repeat) {
                m_scratch[slot] = key;
                set.data[kept++] = key; // never ahead of i: the list shrinks in place
            }
        }
        begin = end;
    }
    set.size = kept;
    set.unique = kept;
}
bool DistinctCounter::growArena(std::size_t needed)
{
    if (needed > kMaxArena)
        return false;
    std::size_t wanted = m_arenaCapacity + m_arenaCapacity / 2;
    if (m_expected > 0 && m_values >= kPredictAfter) {
        // The bytes so far per value, for all the values expected.
        const auto predicted = std::size_t(double(m_arenaSize) * double(m_expected) / double(m_values) * 1.02);
        wanted = std::max(wanted, std::min(predicted, m_arenaCapacity * kMaxStep));
    }
    const std::size_t capacity = std::min(kMaxArena, std::max({needed, wanted, std::size_t(64) * 1024}));
    const auto more = qint64(capacity - m_arenaCapacity);
    if (!reserve(more))
        return false;
    // realloc moves the pages of a large block without copying them (mremap).
    char *grown = static_cast<char *>(std::realloc(m_arena, capacity));
    if (!grown) {
        release(more);
        return false;
    }
    m_arena = grown;
    m_arenaCapacity = capacity;
    return true;
}

void DistinctCounter::addKeysTo(HyperLogLog &sketch) const
{
    for (const Set *set : {&m_integers, &m_reals, &m_texts}) {
        const bool text = set == &m_texts;
        if (set->hasZero)
            sketch.addHash(0);
        const std::size_t end = set->list ? set->size : set->capacity;
        for (std::size_t j = 0; j < end; ++j) {
            const quint64 key = set->data[j];
            if (key != 0)
                sketch.addHash(text ? entryHash(entryAt(key)) : key);
        }
    }
}

void DistinctCounter::switchToSketch()
{
    auto sketch = std::make_unique<HyperLogLog>();
    addKeysTo(*sketch);
    freeMemory();
    m_sketch = std::move(sketch);
}

void DistinctCounter::freeMemory()
{
    for (Set *set : {&m_integers, &m_reals, &m_texts}) {
        freeKeys(set->data, set->capacity);
        *set = Set();
    }
    std::free(m_arena);
    m_arena = nullptr;
    m_arenaSize = 0;
    m_arenaCapacity = 0;
    m_budget->release(m_reserved);
    m_reserved = 0;
}

qint64 DistinctCounter::count()
{
    flush();
    if (m_sketch)
        return m_sketch->count();
    for (Set *set : {&m_integers, &m_reals, &m_texts}) {
        if (set->list) // its repeats go now
            dropRepeats(*set, set == &m_texts);
    }
    return qint64(setCount(m_integers) + setCount(m_reals) + setCount(m_texts));
}

bool DistinctCounter::isExact()
{
    flush();
    return !m_sketch;
}

qint64 DistinctCounter::distinctKeys(const std::vector<const DistinctCounter *> &counters, Set DistinctCounter::*kind)
{
    // Partition by partition, with a small table: a value counts once, whichever parts
    // hold it (for text, the bytes decide between equal hash bits).
    const bool text = kind == &DistinctCounter::m_texts;
    struct Held
    {
        quint64 key;
        const DistinctCounter *part; // nullptr: an empty slot
    };
    qint64 distinct = 0;
    for (const DistinctCounter *counter : counters) {
        if ((counter->*kind).hasZero) // the value whose key is 0, kept apart
            distinct = 1;
    }
    std::vector<std::pair<std::size_t, std::size_t>> ranges(counters.size());
    std::vector<Held> scratch;
    for (std::size_t p = 0; p < 256; ++p) {
        std::size_t keys = 0;
        int holders = 0;
        for (std::size_t c = 0; c < counters.size(); ++c) {
            const Set &set = counters[c]->*kind;
            ranges[c] = partitionRange(set.data, set.size, p);
            keys += ranges[c].second - ranges[c].first;
            holders += ranges[c].second > ranges[c].first ? 1 : 0;
        }
        if (holders <= 1) { // a part holds no repeats
            distinct += qint64(keys);
            continue;
        }
        const int bits = scratchBits(keys);
        const std::size_t mask = (std::size_t(1) << bits) - 1;
        scratch.assign(mask + 1, Held{0, nullptr});
        for (std::size_t c = 0; c < counters.size(); ++c) {
            const DistinctCounter *part = counters[c];
            for (std::size_t i = ranges[c].first; i < ranges[c].second; ++i) {
                const quint64 key = (part->*kind).data[i];
                const quint64 probe = text ? key & TagBits : key;
                std::size_t slot = scratchSlot(probe, bits);
                bool repeat = false;
                for (; scratch[slot].part && !repeat; slot = (slot + 1) & mask) {
                    const Held &held = scratch[slot];
                    repeat = text ? (held.key & TagBits) == probe
                                        && sameEntries(held.part->entryAt(held.key), part->entryAt(key))
                                  : held.key == key;
                }
                if (!repeat) {
                    scratch[slot] = Held{key, part};
                    ++distinct;
                }
            }
        }
    }
    return distinct;
}

DistinctCount DistinctCounter::unionOf(const std::vector<DistinctCounter *> &counters)
{
    bool exact = true;
    for (DistinctCounter *counter : counters)
        exact = counter->isExact() && exact;
    if (!exact) {
        HyperLogLog sketch;
        for (const DistinctCounter *counter : counters) {
            if (counter->m_sketch)
                sketch.merge(*counter->m_sketch);
            else
                counter->addKeysTo(sketch);
        }
        return {sketch.count(), false};
    }
    // Every part's keys as a partitioned list without repeats (a table turns into one in
    // place), then counted together partition by partition.
    std::vector<const DistinctCounter *> parts;
    for (DistinctCounter *counter : counters) {
        for (Set *set : {&counter->m_integers, &counter->m_reals, &counter->m_texts}) {
            if (!set->list)
                counter->toList(*set);
            counter->dropRepeats(*set, set == &counter->m_texts);
        }
        parts.push_back(counter);
    }
    return {distinctKeys(parts, &DistinctCounter::m_integers) + distinctKeys(parts, &DistinctCounter::m_reals)
                + distinctKeys(parts, &DistinctCounter::m_texts),
            true};
}
} // namespace steward::profiler
