// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "corpus/impactsynthesizer.h"
#include "model/bank.h"

#include <QList>

#include <functional>

namespace neurorack {

/// One factory preset: where it sits in the bank and the impact it is analysed from.
struct FactoryRecipe {
    int slot = 0;
    QString id;
    QString name;
    QStringList tags;
    ImpactParameters parameters;
    quint32 seed = 1;
};

/// The recipe of the factory bank: eighteen synthetic impacts, rendered by the
/// ImpactSynthesizer and analysed by the DescriptorAnalyzer, so that the factory
/// presets are measured curves of real (if synthetic) sounds rather than drawings.
class FactoryRecipes
{
public:
    static QList<FactoryRecipe> all();
    /// Renders and analyses every recipe into a bank with @p mapping; @p audio, when
    /// given, receives each rendered sound (to keep or listen to).
    static Bank buildBank(const Mapping &mapping,
                          const std::function<void(const FactoryRecipe &, const std::vector<float> &)> &audio = {});
};

} // namespace neurorack
