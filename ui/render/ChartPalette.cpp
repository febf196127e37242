#include "ChartPalette.h"

using namespace Qt::StringLiterals;

namespace steward::ChartPalette {
namespace {

// Five hues that stay apart for the common colour-vision deficiencies.
const QColor kBlue(0x0f, 0x6c, 0xbd);
const QColor kPurple(0x87, 0x64, 0xb8);
const QColor kTeal(0x00, 0x8f, 0x88);
const QColor kOrange(0xca, 0x50, 0x10);
const QColor kGrey(0x7a, 0x77, 0x74);
const QColor kRed(0xc5, 0x0f, 0x1f);
const QColor kGreen(0x10, 0x7c, 0x10);

} // namespace

QColor tier(Tier tier)
{
    switch (tier) {
    case Tier::Tier1: return kBlue;
    case Tier::Tier2: return kPurple;
    case Tier::Tier3: return kTeal;
    case Tier::Tier4: return kOrange;
    case Tier::Tier5: return kGrey;
    }
    return Qt::gray;
}

QColor grade(const QString &grade)
{
    if (grade == u"A"_s)
        return kGreen;
    if (grade == u"B"_s)
        return QColor(0x7f, 0xb9, 0x00);
    if (grade == u"C"_s)
        return QColor(0xea, 0xa3, 0x00);
    if (grade == u"D"_s)
        return QColor(0xe9, 0x75, 0x48);
    if (grade == u"F"_s)
        return kRed;
    return Qt::gray;
}

QColor entityType(EntityType type)
{
    switch (type) {
    case EntityType::GlobalMetadata: return kBlue;
    case EntityType::Kpi: return kPurple;
    case EntityType::BusinessRule: return kTeal;
    case EntityType::Glossary: return kOrange;
    }
    return Qt::gray;
}

QColor decision(const QString &decision)
{
    if (decision == u"approved"_s)
        return kGreen;
    if (decision == u"rejected"_s)
        return kRed;
    return QColor(0x75, 0x75, 0x75);
}

QColor threshold() { return kRed; }
QColor runCompleted() { return QColor(0x4c, 0x8c, 0x3c); }
QColor runFailed() { return kRed; }
QColor runCancelled() { return QColor(0xa1, 0x9f, 0x9d); }
QColor fieldScore() { return QColor(0x20, 0x1f, 0x1e); }
QColor completeness() { return kBlue; }
QColor uniqueness() { return kPurple; }
QColor validity() { return kTeal; }

} // namespace steward::ChartPalette
