#pragma once

#include "profiler/HyperLogLog.h"

#include <QByteArrayView>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace steward::profiler {

// How many distinct values, and whether that is exact or a HyperLogLog estimate.
struct DistinctCount
{
    qint64 count = 0;
    bool exact = true;
};

// Bytes that several DistinctCounters may hold together; thread-safe.
class MemoryBudget
{
public:
    explicit MemoryBudget(qint64 bytes) : m_available(bytes) {}
    bool reserve(qint64 bytes);
    void release(qint64 bytes) { m_available.fetch_add(bytes, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_available;
};

// Counts the distinct values of one column exactly while they fit its memory budget,
// then continues as a HyperLogLog sketch. Values are told apart as SQL compares them:
// the integer 1 and the real 1.0 are one value, the text '1' another.
//
// Each value is hashed once to a 64-bit key. Exact means exact:
// - an integer or a real is its key: a bijective mix of its 64 bits, so two values have
//   one key only when they are equal (integers and reals in sets of their own);
// - a text or a blob is kept in an arena, its key being 32 bits of its hash and where it
//   is; values whose hash bits are equal are told apart by their bytes.
// A set starts as an open-addressing table of keys. One that outgrows a core's cache
// while most of its values are new (keys, identifiers) turns into a list the keys are
// appended to: no cache miss per value. When the list is full, and at the end, it is
// partitioned in place by the keys' top 8 bits and each partition drops its repeats with
// a small table that stays in cache. Tables and lists are sized from the rows the scan
// expects. The counters of the parts of a table (read on several threads) are counted
// together partition by partition (unionOf).
class DistinctCounter
{
public:
    // The hash of a text or blob value; `seed` tells the two kinds apart.
    using TextHash = quint64 (*)(QByteArrayView bytes, quint64 seed);

    // Draws on `budget`, which other counters (of other threads too) may share.
    // `expectedValues`: about how many values will come (e.g. the rows of the scanned
    // part of a table); 0 if unknown.
    explicit DistinctCounter(std::shared_ptr<MemoryBudget> budget, qint64 expectedValues = 0);
    // Its own budget of `limitBytes`; 0 estimates from the first value on.
    explicit DistinctCounter(qint64 limitBytes);
    ~DistinctCounter();

    DistinctCounter(const DistinctCounter &) = delete;
    DistinctCounter &operator=(const DistinctCounter &) = delete;

    void addInteger(qint64 value);
    void addReal(double value);
    void addText(QByteArrayView text);
    void addBlob(QByteArrayView blob);

    qint64 count();
    bool isExact();

    // The distinct values of all of them together: exact while all of them are. The
    // counters must hash text alike (see setTextHashForTesting).
    static DistinctCount unionOf(const std::vector<DistinctCounter *> &counters);

    // Replaces hash64 for text and blob values, before the first value: a test can make
    // different values collide in every bit to see them counted apart.
    void setTextHashForTesting(TextHash hash) { m_textHash = hash; }

private:
    enum Kind : quint8 { Integer, Real, Text, Blob };
    // The keys of one kind of value: a table (0 marks an empty slot) or a list.
    struct Set
    {
        quint64 *data = nullptr;
        std::size_t capacity = 0;
        std::size_t size = 0;   // keys in the table or the list
        std::size_t unique = 0; // list: data[0, unique) is partitioned and free of repeats
        qint64 added = 0;       // values of this kind so far
        bool hasZero = false;   // numbers: the value whose key is 0 (never in `data`)
        bool list = false;
    };
    struct Pending
    {
        quint64 key; // numbers: the key; text: the hash
        quint32 offset;
        quint32 length;
        Kind kind;
    };
    static constexpr int BatchSize = 16;

    Set &setOf(Kind kind) { return kind == Integer ? m_integers : kind == Real ? m_reals : m_texts; }
    void enqueue(Kind kind, quint64 key, QByteArrayView bytes);
    void insert(Kind kind, quint64 key, QByteArrayView bytes);
    void flush();
    void insertNumber(Set &set, quint64 key);
    void insertText(quint64 hash, Kind kind, QByteArrayView bytes);
    bool appendToArena(quint64 header, QByteArrayView bytes, std::size_t *offset);
    bool append(Set &set, quint64 key, bool text);
    bool makeTableRoom(Set &set, bool text);
    bool resize(Set &set, std::size_t capacity, bool text);
    void toList(Set &set);
    void dropRepeats(Set &set, bool text);
    bool growArena(std::size_t needed);
    std::size_t listWanted(const Set &set) const;
    void fail(quint64 hash);
    void switchToSketch();
    void addKeysTo(HyperLogLog &sketch) const;
    void freeMemory();
    bool reserve(qint64 bytes);
    void release(qint64 bytes);
    static std::size_t setCount(const Set &set) { return set.size + (set.hasZero ? 1 : 0); }
    const char *entryAt(quint64 key) const;
    quint64 entryHash(const char *entry) const;
    static qint64 distinctKeys(const std::vector<const DistinctCounter *> &counters, Set DistinctCounter::*kind);

    std::shared_ptr<MemoryBudget> m_budget;
    qint64 m_reserved = 0;
    qint64 m_expected = 0;
    qint64 m_values = 0; // non-null values added
    TextHash m_textHash;
    Set m_integers;
    Set m_reals;
    Set m_texts;             // keys: the hash's high 32 bits, then the arena offset + 1
    char *m_arena = nullptr; // entries: varint (length << 1 | blob), then the bytes
    std::size_t m_arenaSize = 0;
    std::size_t m_arenaCapacity = 0;
    std::unique_ptr<HyperLogLog> m_sketch;

    std::array<Pending, BatchSize> m_pending;
    int m_pendingCount = 0;
    std::vector<char> m_pendingBytes;
    std::vector<quint64> m_scratch; // the small table a partition drops its repeats with
};

} // namespace steward::profiler
