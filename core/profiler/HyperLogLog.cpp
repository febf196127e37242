#include "profiler/HyperLogLog.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace steward::profiler {
namespace {

constexpr quint64 kMultiplier1 = 0x87c37b91114253d5ULL;
constexpr quint64 kMultiplier2 = 0x4cf5ad432745937fULL;

inline quint64 rotateLeft(quint64 value, int bits)
{
    return (value << bits) | (value >> (64 - bits));
}

inline quint64 mixBlock(quint64 block)
{
    block *= kMultiplier1;
    block = rotateLeft(block, 31);
    return block * kMultiplier2;
}

// MurmurHash3's finaliser: every input bit reaches every output bit.
inline quint64 finalise(quint64 value)
{
    value ^= value >> 33;
    value *= 0xff51afd7ed558ccdULL;
    value ^= value >> 33;
    value *= 0xc4ceb9fe1a85ec53ULL;
    value ^= value >> 33;
    return value;
}

// Ertl's sigma and tau series (Algorithm 6 of the paper): the small-range term over
// empty registers and the large-range term over saturated ones.
double sigma(double x)
{
    if (x == 1.0)
        return std::numeric_limits<double>::infinity();
    double y = 1.0;
    double z = x;
    double previous = 0.0;
    do {
        x *= x;
        previous = z;
        z += x * y;
        y += y;
    } while (z != previous);
    return z;
}

double tau(double x)
{
    if (x == 0.0 || x == 1.0)
        return 0.0;
    double y = 1.0;
    double z = 1.0 - x;
    double previous = 0.0;
    do {
        x = std::sqrt(x);
        previous = z;
        y *= 0.5;
        z -= (1.0 - x) * (1.0 - x) * y;
    } while (z != previous);
    return z / 3.0;
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

quint64 hash64(QByteArrayView bytes, quint64 seed)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const quint64 length = quint64(bytes.size());
    quint64 hash = 0x9e3779b97f4a7c15ULL ^ finalise(seed) ^ (length * kMultiplier2);
    quint64 remaining = length;
    while (remaining >= 8) {
        quint64 block = 0;
        std::memcpy(&block, data, 8);
        hash ^= mixBlock(block);
        hash = rotateLeft(hash, 27) * 5 + 0x52dce729;
        data += 8;
        remaining -= 8;
    }
    if (remaining > 0) {
        quint64 block = 0;
        std::memcpy(&block, data, remaining);
        hash ^= mixBlock(block);
    }
    return finalise(hash ^ length);
}

void HyperLogLog::merge(const HyperLogLog &other)
{
    for (int i = 0; i < RegisterCount; ++i)
        m_registers[i] = std::max(m_registers[i], other.m_registers[i]);
}

double HyperLogLog::estimate() const
{
    constexpr int q = 64 - Precision;
    std::array<int, q + 2> histogram{};
    for (const quint8 value : m_registers)
        ++histogram[value];

    constexpr double m = RegisterCount;
    double z = m * tau(1.0 - histogram[q + 1] / m);
    for (int k = q; k >= 1; --k)
        z = 0.5 * (z + histogram[k]);
    z += m * sigma(histogram[0] / m);
    const double alphaInfinity = 1.0 / (2.0 * std::log(2.0));
    return alphaInfinity * m * m / z;
}

qint64 HyperLogLog::count() const
{
    return qint64(std::llround(estimate()));
}

bool MemoryBudget::reserve(qint64 bytes)
{
    qint64 available = m_available.load(std::memory_order_relaxed);
    do {
        if (available < bytes)
            return false;
    } while (!m_available.compare_exchange_weak(available, available - bytes, std::memory_order_relaxed));
    return true;
}

DistinctCounter::DistinctCounter(std::shared_ptr<MemoryBudget> budget) : m_budget(std::move(budget)) {}

DistinctCounter::DistinctCounter(qint64 limitBytes) : m_budget(std::make_shared<MemoryBudget>(limitBytes))
{
    if (limitBytes <= 0)
        m_sketch = std::make_unique<HyperLogLog>();
}

DistinctCounter::~DistinctCounter()
{
    m_budget->release(m_reserved);
}

bool DistinctCounter::reserveFor(qint64 slotsBytes, qint64 arenaBytes)
{
    const qint64 bytes = slotsBytes + arenaBytes;
    if (!m_budget->reserve(bytes))
        return false;
    m_reserved += bytes;
    return true;
}

void DistinctCounter::insertSlot(const Slot &slot)
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t index = std::size_t(slot.hash) & mask;
    while (m_slots[index].hash != 0)
        index = (index + 1) & mask;
    m_slots[index] = slot;
}

bool DistinctCounter::growSlots()
{
    const std::size_t oldSize = m_slots.size();
    const std::size_t newSize = std::max<std::size_t>(1024, oldSize * 2);
    if (!reserveFor(qint64(newSize * sizeof(Slot)), 0))
        return false;
    std::vector<Slot> old(newSize);
    old.swap(m_slots);
    for (const Slot &slot : old) {
        if (slot.hash != 0)
            insertSlot(slot);
    }
    const qint64 freed = qint64(oldSize * sizeof(Slot));
    m_reserved -= freed;
    m_budget->release(freed);
    return true;
}

void DistinctCounter::switchToSketch()
{
    m_sketch = std::make_unique<HyperLogLog>();
    for (const Slot &slot : m_slots) {
        if (slot.hash != 0)
            m_sketch->addHash(slot.hash);
    }
    freeMemory();
}

void DistinctCounter::freeMemory()
{
    std::vector<Slot>().swap(m_slots);
    std::vector<char>().swap(m_arena);
    m_budget->release(m_reserved);
    m_reserved = 0;
}

void DistinctCounter::add(quint64 hash, QByteArrayView bytes)
{
    if (m_sketch) {
        m_sketch->addHash(hash);
        return;
    }
    if (!m_slots.empty())
        __builtin_prefetch(m_slots.data() + (std::size_t(hash != 0 ? hash : 1) & (m_slots.size() - 1)));
    m_batchHashes[std::size_t(m_batched)] = hash;
    m_batchBytes.insert(m_batchBytes.end(), bytes.data(), bytes.data() + bytes.size());
    m_batchEnds[std::size_t(m_batched)] = m_batchBytes.size();
    if (++m_batched == BatchSize)
        flush();
}

void DistinctCounter::flush()
{
    std::size_t begin = 0;
    for (int i = 0; i < m_batched; ++i) {
        const std::size_t end = m_batchEnds[std::size_t(i)];
        const QByteArrayView bytes(m_batchBytes.data() + begin, qsizetype(end - begin));
        if (m_sketch)
            m_sketch->addHash(m_batchHashes[std::size_t(i)]);
        else
            insert(m_batchHashes[std::size_t(i)], bytes);
        begin = end;
    }
    m_batched = 0;
    m_batchBytes.clear();
}

void DistinctCounter::insert(quint64 hash, QByteArrayView bytes)
{
    const quint64 stored = hash != 0 ? hash : 1;
    // Grow at 60% load, so linear probing stays short.
    if (std::size_t(m_count + 1) * 10 > m_slots.size() * 6 && !growSlots()) {
        switchToSketch();
        m_sketch->addHash(hash);
        return;
    }
    const std::size_t mask = m_slots.size() - 1;
    std::size_t index = std::size_t(stored) & mask;
    const auto length = std::size_t(bytes.size());
    while (m_slots[index].hash != 0) {
        const Slot &slot = m_slots[index];
        if (slot.hash == stored && slot.length == length
            && std::memcmp(m_arena.data() + slot.offset, bytes.data(), length) == 0)
            return;
        index = (index + 1) & mask;
    }

    const std::size_t needed = m_arena.size() + length;
    if (needed > m_arena.capacity()) {
        const std::size_t capacity = std::max<std::size_t>({needed, m_arena.capacity() * 2, 4096});
        if (capacity > std::numeric_limits<quint32>::max()
            || !reserveFor(0, qint64(capacity - m_arena.capacity()))) {
            switchToSketch();
            m_sketch->addHash(hash);
            return;
        }
        m_arena.reserve(capacity);
    }
    m_slots[index] = Slot{stored, quint32(m_arena.size()), quint32(length)};
    m_arena.insert(m_arena.end(), bytes.data(), bytes.data() + length);
    ++m_count;
}

QByteArrayView DistinctCounter::encode(char kind, const void *data, std::size_t size)
{
    if (m_scratch.size() < size + 1)
        m_scratch.resize(size + 1);
    m_scratch[0] = kind;
    if (size > 0)
        std::memcpy(m_scratch.data() + 1, data, size);
    return QByteArrayView(m_scratch.data(), qsizetype(size + 1));
}

void DistinctCounter::addInteger(qint64 value)
{
    const QByteArrayView bytes = encode('i', &value, sizeof value);
    add(hash64(bytes), bytes);
}

void DistinctCounter::addReal(double value)
{
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9.2e18)
        return addInteger(qint64(value));
    const QByteArrayView bytes = encode('r', &value, sizeof value);
    add(hash64(bytes), bytes);
}

void DistinctCounter::addText(QByteArrayView text)
{
    const QByteArrayView bytes = encode('t', text.data(), std::size_t(text.size()));
    add(hash64(bytes), bytes);
}

void DistinctCounter::addBlob(QByteArrayView blob)
{
    const QByteArrayView bytes = encode('b', blob.data(), std::size_t(blob.size()));
    add(hash64(bytes), bytes);
}

void DistinctCounter::merge(DistinctCounter &other)
{
    flush();
    other.flush();
    if (other.m_sketch) {
        if (!m_sketch)
            switchToSketch();
        m_sketch->merge(*other.m_sketch);
    } else {
        for (const Slot &slot : other.m_slots) {
            if (slot.hash != 0)
                add(slot.hash, QByteArrayView(other.m_arena.data() + slot.offset, qsizetype(slot.length)));
        }
    }
    other.freeMemory();
    other.m_sketch.reset();
    other.m_count = 0;
}

qint64 DistinctCounter::count()
{
    flush();
    return m_sketch ? m_sketch->count() : m_count;
}

bool DistinctCounter::isExact()
{
    flush();
    return !m_sketch;
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

std::unique_ptr<DistinctCounter> DistinctParts::merged(const std::shared_ptr<MemoryBudget> &budget)
{
    const std::lock_guard lock(m_mutex);
    auto result = std::make_unique<DistinctCounter>(budget);
    // The largest part first: the others are added to it, not it to them.
    std::sort(m_parts.begin(), m_parts.end(),
              [](const auto &a, const auto &b) { return a->count() > b->count(); });
    for (std::size_t i = 0; i < m_parts.size(); ++i) {
        if (i == 0)
            result = std::move(m_parts[0]);
        else
            result->merge(*m_parts[i]);
    }
    m_parts.clear();
    return result;
}

} // namespace steward::profiler
