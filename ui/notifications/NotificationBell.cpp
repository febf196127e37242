#include "NotificationBell.h"

using namespace Qt::StringLiterals;

namespace steward {

NotificationBell::NotificationBell(const AppServices &, Session &, QWidget *parent) : QToolButton(parent)
{
    setObjectName(u"notificationBell"_s);
}

} // namespace steward
