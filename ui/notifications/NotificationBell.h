#pragma once

#include "AppServices.h"

#include <QToolButton>

namespace steward {

class Session;

// Placeholder, to be built.
class NotificationBell : public QToolButton
{
    Q_OBJECT

public:
    NotificationBell(const AppServices &services, Session &session, QWidget *parent = nullptr);
};

} // namespace steward
