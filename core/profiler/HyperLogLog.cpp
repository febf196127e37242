#include "profiler/HyperLogLog.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

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

__extension__ typedef unsigned __int128 Wide; // GCC and Clang

// wyhash's mixing step: the 128-bit product, its halves folded together.
inline quint64 fold(quint64 a, quint64 b)
{
    const Wide product = Wide(a) * b;
    return quint64(product) ^ quint64(product >> 64);
}

inline quint64 load(const unsigned char *data, int bytes)
{
    quint64 value = 0;
    std::memcpy(&value, data, std::size_t(bytes));
    return value;
}

// Strings of up to 16 bytes (codes, dates, identifiers: most of what a profile hashes)
// as wyhash (Wang Yi, public domain) hashes them: two 128-bit products.
quint64 shortHash(const unsigned char *data, quint64 length, quint64 seed)
{
    constexpr quint64 k0 = 0xa0761d6478bd642fULL;
    constexpr quint64 k1 = 0xe7037ed1a0b428dbULL;
    seed ^= fold(seed ^ k0, k1);
    quint64 a = 0;
    quint64 b = 0;
    if (length >= 4) {
        const quint64 step = (length >> 3) << 2; // 0 or 4: the words overlap as needed
        a = (load(data, 4) << 32) | load(data + step, 4);
        b = (load(data + length - 4, 4) << 32) | load(data + length - 4 - step, 4);
    } else if (length > 0) {
        a = (quint64(data[0]) << 16) | (quint64(data[length >> 1]) << 8) | data[length - 1];
    }
    const Wide product = Wide(a ^ k1) * (b ^ seed);
    return fold(quint64(product) ^ k0 ^ length, quint64(product >> 64) ^ k1);
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


} // namespace

quint64 hash64(QByteArrayView bytes, quint64 seed)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const quint64 length = quint64(bytes.size());
    if (length <= 16)
        return shortHash(data, length, seed);
    quint64 hash = 0x9e3779b97f4a7c15ULL ^ mix64(seed) ^ (length * kMultiplier2);
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
    return mix64(hash ^ length);
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

} // namespace steward::profiler
