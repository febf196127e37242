#pragma once

#include "profiler/HyperLogLog.h"

#include <QByteArrayView>

#include <array>
#include <cstddef>
#include <cstring>
#include <utility>

// The building blocks of DistinctCounter's sets: how a value becomes a 64-bit key, where
// a key sits in a table, the memory of tables and lists, the arena entries of text, and
// the partitions of a list.
namespace steward::profiler::DistinctKeys {

inline constexpr quint64 RealSalt = 0x9e3779b97f4a7c15ULL;
// A text key: the high 32 bits of the text's hash, then its arena offset + 1.
inline constexpr quint64 TagBits = 0xffffffff00000000ULL;

// A number's key: mix64 is a bijection, so two numbers share a key only when they are equal.
inline quint64 integerKey(qint64 value)
{
    return mix64(quint64(value));
}

inline quint64 realKey(double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return mix64(bits ^ RealSalt);
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

// Key arrays, zeroed. Large ones are mapped (the kernel zeroes pages as they are first
// touched) in transparent huge pages: probes land anywhere in tens of megabytes, and
// with 4 KiB pages nearly every one would also miss the TLB.
quint64 *allocateKeys(std::size_t count);
void freeKeys(quint64 *keys, std::size_t count);

// An arena entry: a varint of (length << 1 | blob), then the bytes.
std::size_t writeVarint(char *out, quint64 value);
std::size_t varintSize(quint64 value);
// The header of the entry at `entry`; `bytes` is set to where its value starts.
quint64 readVarint(const char *entry, const char **bytes);
bool sameEntry(const char *entry, quint64 header, QByteArrayView bytes);
bool sameEntries(const char *a, const char *b);

// Partitions keys in place by their top 8 bits (an American flag sort's pass: each key is
// swapped straight into its partition); `ends` receives where each partition ends.
void partition(quint64 *keys, std::size_t count, std::array<std::size_t, 256> &ends);
// Where the partition of keys with top 8 bits `p` lies in a partitioned list.
std::pair<std::size_t, std::size_t> partitionRange(const quint64 *keys, std::size_t count, std::size_t p);

// A small table for the keys of one partition (whose top 8 bits are the same): 2^bits
// slots for `keys` keys, a key's first slot from the bits after those 8.
int scratchBits(std::size_t keys);

inline std::size_t scratchSlot(quint64 key, int bits)
{
    return std::size_t((key << 8) >> (64 - bits));
}

} // namespace steward::profiler::DistinctKeys
