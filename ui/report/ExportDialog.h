#pragma once

#include "AppServices.h"

#include <QDialog>

namespace steward {

class Session;

// Placeholder, to be built.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const AppServices &services, Session &session, QWidget *parent = nullptr);
};

} // namespace steward
