#include "profiler/DistinctKeys.h"

#include <algorithm>
#include <cstdlib>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace steward::profiler::DistinctKeys {
namespace {

constexpr std::size_t kMapBytes = std::size_t(1) << 20;
constexpr std::size_t kHugePage = std::size_t(2) << 20;

} // namespace

quint64 *allocateKeys(std::size_t count)
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

void freeKeys(quint64 *data, std::size_t count)
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

bool sameEntries(const char *a, const char *b)
{
    const char *bytes = nullptr;
    const quint64 header = readVarint(b, &bytes);
    return sameEntry(a, header, QByteArrayView(bytes, qsizetype(header >> 1)));
}

void partition(quint64 *keys, std::size_t count, std::array<std::size_t, 256> &ends)
{
    std::array<std::size_t, 256> next{};
    for (std::size_t i = 0; i < count; ++i)
        ++ends[keys[i] >> 56];
    std::size_t position = 0;
    for (std::size_t p = 0; p < 256; ++p) {
        next[p] = position;
        position += ends[p];
        ends[p] = position;
    }
    for (std::size_t p = 0; p < 256; ++p) {
        while (next[p] < ends[p]) {
            quint64 key = keys[next[p]];
            std::size_t own = key >> 56;
            while (own != p) {
                std::swap(key, keys[next[own]++]);
                own = key >> 56;
            }
            keys[next[p]++] = key;
        }
    }
}

int scratchBits(std::size_t keys)
{
    int bits = 6;
    while ((std::size_t(1) << bits) < keys * 2)
        ++bits;
    return bits;
}

std::pair<std::size_t, std::size_t> partitionRange(const quint64 *keys, std::size_t count, std::size_t p)
{
    auto top = [](quint64 key, std::size_t value) { return (key >> 56) < value; };
    const quint64 *begin = std::lower_bound(keys, keys + count, p, top);
    const quint64 *end = std::lower_bound(begin, keys + count, p + 1, top);
    return {std::size_t(begin - keys), std::size_t(end - keys)};
}

} // namespace steward::profiler::DistinctKeys
