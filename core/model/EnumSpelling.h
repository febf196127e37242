#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace steward {

// A closed vocabulary's stored spellings, kept in one constexpr table per enum so the
// text and the value can never drift apart.
template <typename Enum, std::size_t N>
using SpellingTable = std::array<std::pair<Enum, QStringView>, N>;

template <typename Enum, std::size_t N>
QString spell(const SpellingTable<Enum, N> &table, Enum value)
{
    for (const auto &[candidate, text] : table) {
        if (candidate == value)
            return text.toString();
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> parseSpelling(const SpellingTable<Enum, N> &table, QStringView text)
{
    for (const auto &[candidate, spelling] : table) {
        if (spelling == text)
            return candidate;
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
QList<Enum> spelledValues(const SpellingTable<Enum, N> &table)
{
    QList<Enum> result;
    for (const auto &entry : table)
        result.append(entry.first);
    return result;
}

} // namespace steward
