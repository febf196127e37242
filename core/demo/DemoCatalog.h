#pragma once

#include "model/Types.h"

#include <QList>
#include <QString>
#include <QUuid>

namespace steward::demo {

// The demo organisation: a finance team whose general ledger, payables, receivables
// and treasury metadata is governed here. Fixed ids so tests and docs can name them.
QUuid northwindTenantId();
QUuid contosoTenantId();

struct DemoUser
{
    QString id;
    QString displayName;
    QList<Role> roles;
};

struct DemoField
{
    QString key;
    QString label;
    QString domain;
    QString module;
    QString table;
    QString column;
    QString dataType;
    QString format;
    Tier tier;
    QString description;
};

struct DemoKpi
{
    QString key;
    QString label;
    QString formula;
    QStringList dependsOn;
    Tier tier;
    QString description;
};

struct DemoRule
{
    QString key;
    QString label;
    QString appliesTo;
    QString ruleType;
    QString definitionJson;
    QString severity;
};

struct DemoTerm
{
    QString key;
    QString term;
    QString definition;
    QStringList synonyms;
};

QList<DemoUser> northwindUsers();
QList<DemoUser> contosoUsers();
QList<DemoField> fields();
QList<DemoKpi> kpis();
QList<DemoRule> rules();
QList<DemoTerm> glossary();

} // namespace steward::demo
