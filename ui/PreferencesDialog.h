#pragma once

#include "AppServices.h"

#include <QDialog>

namespace steward {

class Session;

// Placeholder, to be built.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(const AppServices &services, Session &session, QWidget *parent = nullptr);
};

} // namespace steward
