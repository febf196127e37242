#include "profiler/DistinctCounter.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <unordered_map>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace steward::profiler {
namespace {

constexpr double kMaxLoad = 0.9;     // a table grows beyond this share of used slots
constexpr double kTargetLoad = 0.75; // and is sized for this one
constexpr std::size_t kMinCapacity = 64;
// Values seen before the expected count may size a table or the arena: fewer say little
// about the rest. A prediction grows them at most this many times at once, so that a
// column whose values start repeating later is sized again on fresher figures.
constexpr qint64 kPredictAfter = 4096;
constexpr std::size_t kMaxStep = 8;
constexpr quint64 kTextSeed = 1;
constexpr quint64 kBlobSeed = 2;
constexpr quint64 kRealSalt = 0x9e3779b97f4a7c15ULL;
constexpr quint64 kHigh = 0xffffffff00000000ULL;
constexpr std::size_t kMaxArena = std::numeric_limits<quint32>::max() - 1;

// MurmurHash3's finaliser: a bijection of 64 bits (each step can be undone) that spreads
// every input bit over all output bits.
inline quint64 mix(quint64 value)
{
    value ^= value >> 33;
    value *= 0xff51afd7ed558ccdULL;
    value ^= value >> 33;
    value *= 0xc4ceb9fe1a85ec53ULL;
    value ^= value >> 33;
    return value;
}

inline quint64 integerKey(qint64 value)
{
    return mix(quint64(value));
}

inline quint64 realKey(double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return mix(bits ^ kRealSalt);
}

__extension__ typedef unsigned __int128 Wide; // GCC and Clang

// Where a key's probe starts: its high bits scaled to the capacity, so any capacity
// works and a table keeps its keys in about their order.
inline std::size_t home(quint64 key, std::size_t capacity)
{
    return std::size_t((Wide(key) * capacity) >> 64);
}

inline std::size_t next(std::size_t index, std::size_t capacity)
{
    return ++index == capacity ? 0 : index;
}

// Slot arrays, zeroed. Large ones are mapped (the kernel zeroes pages as they are first
// touched) in transparent huge pages: probes land anywhere in tens of megabytes, and
// with 4 KiB pages nearly every one would also miss the TLB.
constexpr std::size_t kMapBytes = std::size_t(1) << 20;
constexpr std::size_t kHugePage = std::size_t(2) << 20;

quint64 *allocateSlots(std::size_t count)
{
    const std::size_t bytes = count * sizeof(quint64);
#ifdef __linux__
    if (bytes >= kMapBytes) {
        // Aligned to a huge page, so the whole array can be made of them.
        const std::size_t mapped = bytes + kHugePage;
        void *raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED)
            return nullptr;
        const auto start = reinterpret_cast<std::uintptr_t>(raw);
        const std::uintptr_t aligned = (start + kHugePage - 1) & ~(std::uintptr_t(kHugePage) - 1);
        if (aligned > start)
            munmap(raw, aligned - start);
        const std::uintptr_t end = start + mapped;
        const std::uintptr_t used = aligned + ((bytes + 4095) & ~std::size_t(4095));
        if (end > used)
            munmap(reinterpret_cast<void *>(used), end - used);
        madvise(reinterpret_cast<void *>(aligned), bytes, MADV_HUGEPAGE);
        return reinterpret_cast<quint64 *>(aligned);
    }
#endif
    return static_cast<quint64 *>(std::calloc(count, sizeof(quint64)));
}

void freeSlots(quint64 *data, std::size_t count)
{
    if (!data)
        return;
#ifdef __linux__
    if (count * sizeof(quint64) >= kMapBytes) {
        munmap(data, count * sizeof(quint64));
        return;
    }
#endif
    std::free(data);
}

// An arena entry starts with a varint of (length << 1 | blob).
std::size_t writeVarint(char *out, quint64 value)
{
    std::size_t n = 0;
    while (value >= 0x80) {
        out[n++] = char((value & 0x7f) | 0x80);
        value >>= 7;
    }
    out[n++] = char(value);
    return n;
}

std::size_t varintSize(quint64 value)
{
    std::size_t n = 1;
    while (value >= 0x80) {
        value >>= 7;
        ++n;
    }
    return n;
}

// The header of the entry at `entry`; `bytes` is set to where its value starts.
quint64 readVarint(const char *entry, const char **bytes)
{
    quint64 value = 0;
    int shift = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(entry);
    while (*p & 0x80) {
        value |= quint64(*p++ & 0x7f) << shift;
        shift += 7;
    }
    value |= quint64(*p++) << shift;
    *bytes = reinterpret_cast<const char *>(p);
    return value;
}

bool sameEntry(const char *entry, quint64 header, QByteArrayView bytes)
{
    const char *stored = nullptr;
    return readVarint(entry, &stored) == header
           && (bytes.isEmpty() || std::memcmp(stored, bytes.data(), std::size_t(bytes.size())) == 0);
}

// DistinctParts by token, for the aggregates of any connection.
struct PartsRegistry
{
    std::mutex mutex;
    qint64 nextToken = 1;
    std::unordered_map<qint64, std::weak_ptr<DistinctParts>> parts;
    static PartsRegistry &instance()
    {
        static PartsRegistry registry;
        return registry;
    }
};

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

// Values wait in a small batch whose slots are prefetched as they arrive, so that the
// cache misses of a large table overlap instead of coming one after another.
void DistinctCounter::enqueue(Kind kind, quint64 key, QByteArrayView bytes)
{
    ++m_values;
    if (m_sketch) {
        m_sketch->addHash(key);
        return;
    }
    const bool text = kind == Text || kind == Blob;
    const Slots &table = kind == Integer ? m_integers : kind == Real ? m_reals : m_texts;
    if (table.capacity)
        __builtin_prefetch(table.data + home(text ? key & kHigh : key, table.capacity));
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

void DistinctCounter::flush()
{
    for (int i = 0; i < m_pendingCount; ++i) {
        const Pending &pending = m_pending[std::size_t(i)];
        if (m_sketch)
            m_sketch->addHash(pending.key);
        else if (pending.kind == Integer)
            insertNumber(m_integers, pending.key);
        else if (pending.kind == Real)
            insertNumber(m_reals, pending.key);
        else
            insertText(pending.key, pending.kind,
                       QByteArrayView(m_pendingBytes.data() + pending.offset, qsizetype(pending.length)));
    }
    m_pendingCount = 0;
    m_pendingBytes.clear();
}

void DistinctCounter::insertNumber(Slots &table, quint64 key)
{
    if (key == 0) { // 0 marks an empty slot
        table.hasZero = true;
        return;
    }
    if (!makeRoom(table, false)) {
        switchToSketch();
        m_sketch->addHash(key);
        return;
    }
    for (std::size_t i = home(key, table.capacity);; i = next(i, table.capacity)) {
        const quint64 slot = table.data[i];
        if (slot == key)
            return;
        if (slot == 0) {
            table.data[i] = key;
            ++table.size;
            return;
        }
    }
}

void DistinctCounter::insertText(quint64 hash, Kind kind, QByteArrayView bytes)
{
    if (!makeRoom(m_texts, true)) {
        switchToSketch();
        m_sketch->addHash(hash);
        return;
    }
    const quint64 tag = hash & kHigh;
    const quint64 header = (quint64(bytes.size()) << 1) | (kind == Blob ? 1 : 0);
    std::size_t i = home(tag, m_texts.capacity);
    for (;; i = next(i, m_texts.capacity)) {
        const quint64 slot = m_texts.data[i];
        if (slot == 0)
            break;
        // Equal hash bits are not enough: the bytes decide.
        if ((slot & kHigh) == tag && sameEntry(entryAt(slot), header, bytes))
            return;
    }
    const std::size_t entrySize = varintSize(header) + std::size_t(bytes.size());
    if (m_arenaSize + entrySize > m_arenaCapacity && !growArena(m_arenaSize + entrySize)) {
        switchToSketch();
        m_sketch->addHash(hash);
        return;
    }
    const std::size_t offset = m_arenaSize;
    const std::size_t headerSize = writeVarint(m_arena + offset, header);
    if (!bytes.isEmpty())
        std::memcpy(m_arena + offset + headerSize, bytes.data(), std::size_t(bytes.size()));
    m_arenaSize += entrySize;
    m_texts.data[i] = tag | (quint64(offset) + 1);
    ++m_texts.size;
}

const char *DistinctCounter::entryAt(quint64 slot) const
{
    return m_arena + ((slot & ~kHigh) - 1);
}

quint64 DistinctCounter::entryHash(const char *entry) const
{
    const char *bytes = nullptr;
    const quint64 header = readVarint(entry, &bytes);
    return m_textHash(QByteArrayView(bytes, qsizetype(header >> 1)), header & 1 ? kBlobSeed : kTextSeed);
}

bool DistinctCounter::makeRoom(Slots &table, bool text)
{
    if (table.size < std::size_t(double(table.capacity) * kMaxLoad))
        return true;
    const std::size_t doubled = std::max(kMinCapacity, table.capacity * 2);
    std::size_t wanted = doubled;
    if (m_expected > 0 && m_values >= kPredictAfter) {
        // Where the set is heading: as many new values per value as so far, for all the
        // values the scan expects; one resize instead of a dozen.
        const double predicted = double(table.size + 1) * double(m_expected) / double(m_values);
        const auto sized = std::size_t(predicted / kTargetLoad) + kMinCapacity;
        const auto most = std::size_t(double(m_expected) / kTargetLoad) + kMinCapacity;
        wanted = std::max(doubled, std::min({sized, most, table.capacity * kMaxStep}));
    }
    if (resize(table, wanted, text))
        return true;
    // What the prediction asked for may not fit the budget when doubling still does.
    return wanted > doubled && resize(table, doubled, text);
}

bool DistinctCounter::resize(Slots &table, std::size_t capacity, bool text)
{
    const auto bytes = qint64(capacity * sizeof(quint64));
    if (!reserve(bytes))
        return false;
    quint64 *data = allocateSlots(capacity);
    if (!data) {
        m_budget->release(bytes);
        m_reserved -= bytes;
        return false;
    }
    // In the old table's order, which is about the new one's: the writes go forward.
    for (std::size_t j = 0; j < table.capacity; ++j) {
        const quint64 slot = table.data[j];
        if (slot == 0)
            continue;
        std::size_t i = home(text ? slot & kHigh : slot, capacity);
        while (data[i] != 0)
            i = next(i, capacity);
        data[i] = slot;
    }
    freeSlots(table.data, table.capacity);
    const auto freed = qint64(table.capacity * sizeof(quint64));
    m_budget->release(freed);
    m_reserved -= freed;
    table.data = data;
    table.capacity = capacity;
    return true;
}

bool DistinctCounter::growArena(std::size_t needed)
{
    if (needed > kMaxArena)
        return false;
    std::size_t wanted = m_arenaCapacity + m_arenaCapacity / 2;
    if (m_expected > 0 && m_values >= kPredictAfter) {
        // As for the slots: the bytes so far per value, for all the values expected.
        const auto predicted = std::size_t(double(m_arenaSize) * double(m_expected) / double(m_values) * 1.02);
        wanted = std::min(predicted, m_arenaCapacity * kMaxStep);
    }
    const std::size_t capacity = std::min(kMaxArena, std::max({needed, wanted, std::size_t(64) * 1024}));
    const auto more = qint64(capacity - m_arenaCapacity);
    if (!reserve(more))
        return false;
    // realloc moves the pages of a large block without copying them (mremap).
    char *grown = static_cast<char *>(std::realloc(m_arena, capacity));
    if (!grown) {
        m_budget->release(more);
        m_reserved -= more;
        return false;
    }
    m_arena = grown;
    m_arenaCapacity = capacity;
    return true;
}

void DistinctCounter::addSlotsTo(HyperLogLog &sketch) const
{
    for (const Slots *numbers : {&m_integers, &m_reals}) {
        if (numbers->hasZero)
            sketch.addHash(0);
        for (std::size_t j = 0; j < numbers->capacity; ++j) {
            if (numbers->data[j] != 0)
                sketch.addHash(numbers->data[j]);
        }
    }
    for (std::size_t j = 0; j < m_texts.capacity; ++j) {
        if (m_texts.data[j] != 0)
            sketch.addHash(entryHash(entryAt(m_texts.data[j])));
    }
}

void DistinctCounter::switchToSketch()
{
    auto sketch = std::make_unique<HyperLogLog>();
    addSlotsTo(*sketch);
    freeMemory();
    m_sketch = std::move(sketch);
}

void DistinctCounter::freeMemory()
{
    for (Slots *table : {&m_integers, &m_reals, &m_texts}) {
        freeSlots(table->data, table->capacity);
        *table = Slots();
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
    return qint64(numberCount(m_integers) + numberCount(m_reals) + m_texts.size);
}

bool DistinctCounter::isExact()
{
    flush();
    return !m_sketch;
}

bool DistinctCounter::containsNumber(const Slots &table, quint64 key) const
{
    if (key == 0)
        return table.hasZero;
    if (table.capacity == 0)
        return false;
    for (std::size_t i = home(key, table.capacity);; i = next(i, table.capacity)) {
        const quint64 slot = table.data[i];
        if (slot == key)
            return true;
        if (slot == 0)
            return false;
    }
}

bool DistinctCounter::containsText(quint64 slot, const char *entry) const
{
    if (m_texts.capacity == 0)
        return false;
    const quint64 tag = slot & kHigh;
    const char *bytes = nullptr;
    const quint64 header = readVarint(entry, &bytes);
    const QByteArrayView value(bytes, qsizetype(header >> 1));
    for (std::size_t i = home(tag, m_texts.capacity);; i = next(i, m_texts.capacity)) {
        const quint64 candidate = m_texts.data[i];
        if (candidate == 0)
            return false;
        if ((candidate & kHigh) == tag && sameEntry(entryAt(candidate), header, value))
            return true;
    }
}

qint64 DistinctCounter::valuesMissingFrom(const DistinctCounter &part, const std::vector<DistinctCounter *> &earlier)
{
    // Lookups land anywhere in the earlier tables: prefetch this far ahead.
    constexpr std::size_t kAhead = 16;
    if (earlier.empty())
        return qint64(part.numberCount(part.m_integers) + part.numberCount(part.m_reals) + part.m_texts.size);
    qint64 missing = 0;
    for (const auto member : {&DistinctCounter::m_integers, &DistinctCounter::m_reals}) {
        const Slots &table = part.*member;
        if (table.hasZero && std::none_of(earlier.begin(), earlier.end(),
                                          [&](const DistinctCounter *other) { return (other->*member).hasZero; }))
            ++missing;
        for (std::size_t j = 0; j < table.capacity; ++j) {
            if (j + kAhead < table.capacity && table.data[j + kAhead] != 0) {
                for (const DistinctCounter *other : earlier) {
                    const Slots &theirs = other->*member;
                    if (theirs.capacity)
                        __builtin_prefetch(theirs.data + home(table.data[j + kAhead], theirs.capacity));
                }
            }
            const quint64 key = table.data[j];
            if (key != 0 && std::none_of(earlier.begin(), earlier.end(), [&](const DistinctCounter *other) {
                    return other->containsNumber(other->*member, key);
                }))
                ++missing;
        }
    }
    const Slots &texts = part.m_texts;
    for (std::size_t j = 0; j < texts.capacity; ++j) {
        if (j + kAhead < texts.capacity && texts.data[j + kAhead] != 0) {
            for (const DistinctCounter *other : earlier) {
                if (other->m_texts.capacity)
                    __builtin_prefetch(other->m_texts.data
                                       + home(texts.data[j + kAhead] & kHigh, other->m_texts.capacity));
            }
        }
        const quint64 slot = texts.data[j];
        if (slot != 0 && std::none_of(earlier.begin(), earlier.end(), [&](const DistinctCounter *other) {
                return other->containsText(slot, part.entryAt(slot));
            }))
            ++missing;
    }
    return missing;
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
                counter->addSlotsTo(sketch);
        }
        return {sketch.count(), false};
    }
    // The largest first: the values of the others are looked up in it, not its values in theirs.
    std::vector<DistinctCounter *> parts = counters;
    std::sort(parts.begin(), parts.end(),
              [](DistinctCounter *a, DistinctCounter *b) { return a->count() > b->count(); });
    DistinctCount total;
    std::vector<DistinctCounter *> earlier;
    for (DistinctCounter *part : parts) {
        total.count += valuesMissingFrom(*part, earlier);
        earlier.push_back(part);
    }
    return total;
}

std::shared_ptr<DistinctParts> DistinctParts::open()
{
    PartsRegistry &registry = PartsRegistry::instance();
    const std::lock_guard lock(registry.mutex);
    std::shared_ptr<DistinctParts> parts(new DistinctParts(registry.nextToken++));
    registry.parts.emplace(parts->m_token, parts);
    return parts;
}

DistinctParts::~DistinctParts()
{
    PartsRegistry &registry = PartsRegistry::instance();
    const std::lock_guard lock(registry.mutex);
    registry.parts.erase(m_token);
}

void DistinctParts::deposit(qint64 token, std::unique_ptr<DistinctCounter> counter)
{
    std::shared_ptr<DistinctParts> parts;
    {
        PartsRegistry &registry = PartsRegistry::instance();
        const std::lock_guard lock(registry.mutex);
        if (const auto found = registry.parts.find(token); found != registry.parts.end())
            parts = found->second.lock();
    }
    if (!parts)
        return; // nobody waits for it any more
    const std::lock_guard lock(parts->m_mutex);
    parts->m_parts.push_back(std::move(counter));
}

DistinctCount DistinctParts::total()
{
    const std::lock_guard lock(m_mutex);
    std::vector<DistinctCounter *> parts;
    for (const auto &part : m_parts)
        parts.push_back(part.get());
    const DistinctCount total = DistinctCounter::unionOf(parts);
    m_parts.clear(); // their memory goes back to the budget now
    return total;
}

} // namespace steward::profiler
