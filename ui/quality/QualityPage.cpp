#include "QualityPage.h"

using namespace Qt::StringLiterals;

namespace steward {

QualityPage::QualityPage(const AppServices &, Session &, QWidget *parent) : QWidget(parent)
{
    setObjectName(u"qualityPage"_s);
}

} // namespace steward
