#pragma once

#include "AppServices.h"

#include <QWidget>

namespace steward {

class Session;

// Placeholder, to be built.
class QualityPage : public QWidget
{
    Q_OBJECT

public:
    QualityPage(const AppServices &services, Session &session, QWidget *parent = nullptr);
};

} // namespace steward
