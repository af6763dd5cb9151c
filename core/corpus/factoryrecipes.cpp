// SPDX-License-Identifier: GPL-3.0-or-later
#include "factoryrecipes.h"

#include "analysis/descriptoranalyzer.h"

namespace neurorack {

namespace {

FactoryRecipe recipe(int slot, const char *id, const char *name, QStringList tags, ImpactParameters p)
{
    p.category = tags.first();
    return {slot, QString::fromLatin1(id), QString::fromUtf8(name), std::move(tags), p, static_cast<quint32>(1000 + slot)};
}

ImpactParameters membrane(double hz, double decay, double hardness)
{
    ImpactParameters p;
    p.body = ImpactBody::Membrane;
    p.fundamentalHz = hz;
    p.decaySeconds = decay;
    p.hardness = hardness;
    p.damping = 0.7;
    p.strikePosition = 0.2;
    p.peakDbfs = -3.0;
    return p;
}

} // namespace

QList<FactoryRecipe> FactoryRecipes::all()
{
    QList<FactoryRecipe> r;
    {
        auto p = membrane(46, 0.9, 0.35);
        p.glideRatio = 3.2, p.glideSeconds = 0.045, p.damping = 0.9, p.bodyHz = 60, p.bodyGainDb = 6;
        p.noiseLevel = 0.05, p.noiseDecaySeconds = 0.02, p.noiseCentreHz = 2500, p.durationSeconds = 1.0;
        r << recipe(0, "deep-kick", "Deep Kick", {QStringLiteral("kick"), QStringLiteral("sub")}, p);
    }
    {
        auto p = membrane(62, 0.35, 0.75);
        p.glideRatio = 2.5, p.glideSeconds = 0.02, p.damping = 0.95, p.noiseLevel = 0.12, p.noiseDecaySeconds = 0.02;
        p.noiseCentreHz = 4000, p.durationSeconds = 0.45, p.peakDbfs = -2;
        r << recipe(1, "punchy-kick", "Punchy Kick", {QStringLiteral("kick"), QStringLiteral("punch")}, p);
    }
    {
        auto p = membrane(82, 0.9, 0.5);
        p.glideRatio = 1.25, p.glideSeconds = 0.08, p.damping = 0.6, p.durationSeconds = 1.0, p.peakDbfs = -4;
        r << recipe(2, "low-tom", "Low Tom", {QStringLiteral("tom"), QStringLiteral("drum")}, p);
    }
    {
        auto p = membrane(196, 0.55, 0.55);
        p.glideRatio = 1.15, p.glideSeconds = 0.06, p.damping = 0.6, p.durationSeconds = 0.65, p.peakDbfs = -5;
        r << recipe(3, "high-tom", "High Tom", {QStringLiteral("tom"), QStringLiteral("drum"), QStringLiteral("high")}, p);
    }
    {
        auto p = membrane(210, 0.15, 0.8);
        p.noiseLevel = 0.8, p.noiseDecaySeconds = 0.3, p.noiseCentreHz = 5000, p.noiseBandwidthOctaves = 2.5;
        p.durationSeconds = 0.45, p.peakDbfs = -3;
        r << recipe(4, "snare", "Snare", {QStringLiteral("snare"), QStringLiteral("drum"), QStringLiteral("noise")}, p);
    }
    {
        auto p = membrane(420, 0.08, 0.95);
        p.body = ImpactBody::Block, p.noiseLevel = 0.35, p.noiseDecaySeconds = 0.05, p.noiseCentreHz = 3000;
        p.durationSeconds = 0.22, p.peakDbfs = -4;
        r << recipe(5, "rimshot", "Rimshot", {QStringLiteral("rim"), QStringLiteral("snare"), QStringLiteral("click")}, p);
    }
    {
        ImpactParameters p;
        p.body = ImpactBody::Plate, p.fundamentalHz = 540, p.inharmonicity = 0.03, p.decaySeconds = 0.12, p.damping = 0.1;
        p.hardness = 0.95, p.noiseLevel = 0.9, p.noiseDecaySeconds = 0.1, p.noiseCentreHz = 9000, p.noiseBandwidthOctaves = 1.5;
        p.durationSeconds = 0.2, p.peakDbfs = -9;
        r << recipe(6, "closed-hat", "Closed Hat", {QStringLiteral("hihat"), QStringLiteral("cymbal"), QStringLiteral("noise")}, p);
    }
    {
        ImpactParameters p;
        p.body = ImpactBody::Plate, p.fundamentalHz = 380, p.inharmonicity = 0.04, p.decaySeconds = 3.2, p.damping = 0.08;
        p.hardness = 0.9, p.noiseLevel = 0.8, p.noiseDecaySeconds = 3.0, p.noiseCentreHz = 7000, p.noiseBandwidthOctaves = 2.5;
        p.durationSeconds = 3.5, p.peakDbfs = -6;
        r << recipe(7, "crash", "Crash Cymbal", {QStringLiteral("cymbal"), QStringLiteral("crash"), QStringLiteral("noise")}, p);
    }
    {
        ImpactParameters p;
        p.body = ImpactBody::Bar, p.fundamentalHz = 310, p.inharmonicity = 0.01, p.decaySeconds = 2.0, p.damping = 0.15;
        p.hardness = 0.95, p.strikePosition = 0.1, p.durationSeconds = 2.0, p.peakDbfs = -4;
        r << recipe(8, "anvil", "Anvil", {QStringLiteral("metal"), QStringLiteral("anvil")}, p);
    }
    {
        ImpactParameters p;
        p.body = ImpactBody::Glass, p.fundamentalHz = 1480, p.decaySeconds = 1.4, p.damping = 0.3, p.hardness = 0.9;
        p.durationSeconds = 1.5, p.peakDbfs = -8;
        r << recipe(9, "glass", "Glass", {QStringLiteral("glass"), QStringLiteral("bright")}, p);
    }
    {
        ImpactParameters p;
        p.body = ImpactBody::Shell, p.fundamentalHz = 523, p.decaySeconds = 3.8, p.damping = 0.15, p.hardness = 0.7;
        p.room = 0.15, p.durationSeconds = 4.0, p.peakDbfs = -6;
        r << recipe(10, "bell", "Bell", {QStringLiteral("bell"), QStringLiteral("metal")}, p);
    }
    {
        ImpactParameters p;
        p.body = ImpactBody::Block, p.fundamentalHz = 820, p.decaySeconds = 0.12, p.damping = 0.8, p.hardness = 0.85;
        p.durationSeconds = 0.25, p.peakDbfs = -5;
        r << recipe(11, "wood-block", "Wood Block", {QStringLiteral("wood"), QStringLiteral("click")}, p);
    }
    {
        ImpactParameters p;
        p.body = ImpactBody::TunedBar, p.fundamentalHz = 262, p.decaySeconds = 0.9, p.damping = 0.5, p.hardness = 0.4;
        p.bodyHz = 262, p.bodyGainDb = 4, p.durationSeconds = 1.0, p.peakDbfs = -5;
        r << recipe(12, "marimba", "Marimba Bar", {QStringLiteral("marimba"), QStringLiteral("wood"), QStringLiteral("tonal")}, p);
    }
    {
        auto p = membrane(340, 0.3, 0.3);
        p.glideRatio = 1.05, p.damping = 0.7, p.durationSeconds = 0.4, p.peakDbfs = -6;
        r << recipe(13, "bongo", "Bongo", {QStringLiteral("hand-drum"), QStringLiteral("skin")}, p);
    }
    {
        auto p = membrane(32, 3.2, 0.2);
        p.glideRatio = 1.8, p.glideSeconds = 0.25, p.damping = 0.8, p.noiseLevel = 0.3, p.noiseDecaySeconds = 1.5;
        p.noiseCentreHz = 150, p.noiseBandwidthOctaves = 2.5, p.room = 0.35, p.durationSeconds = 3.5, p.peakDbfs = -2;
        r << recipe(14, "cinematic-boom", "Cinematic Boom", {QStringLiteral("boom"), QStringLiteral("cinematic"), QStringLiteral("sub")}, p);
    }
    {
        ImpactParameters p;
        p.body = ImpactBody::Plate, p.fundamentalHz = 98, p.inharmonicity = 0.015, p.decaySeconds = 4.0, p.damping = 0.12;
        p.hardness = 0.35, p.glideRatio = 0.97, p.room = 0.2, p.durationSeconds = 4.0, p.peakDbfs = -4;
        r << recipe(15, "gong", "Gong", {QStringLiteral("gong"), QStringLiteral("metal"), QStringLiteral("cinematic")}, p);
    }
    {
        ImpactParameters p;
        p.body = ImpactBody::Block, p.fundamentalHz = 1100, p.decaySeconds = 0.02, p.damping = 1.0, p.hardness = 0.3;
        p.noiseLevel = 1.0, p.noiseBursts = 3, p.noiseDecaySeconds = 0.18, p.noiseCentreHz = 1400, p.noiseBandwidthOctaves = 1.5;
        p.room = 0.1, p.durationSeconds = 0.35, p.peakDbfs = -4;
        r << recipe(20, "hand-clap", "Hand Clap", {QStringLiteral("clap"), QStringLiteral("hand"), QStringLiteral("noise")}, p);
    }
    {
        auto p = membrane(28, 2.5, 0.15);
        p.glideRatio = 1.3, p.glideSeconds = 0.4, p.noiseLevel = 0.9, p.noiseDecaySeconds = 3.5, p.noiseCentreHz = 220;
        p.noiseBandwidthOctaves = 3.0, p.room = 0.5, p.durationSeconds = 4.0, p.peakDbfs = -3;
        r << recipe(21, "thunder", "Thunder", {QStringLiteral("thunder"), QStringLiteral("cinematic"), QStringLiteral("noise")}, p);
    }
    return r;
}

Bank FactoryRecipes::buildBank(const Mapping &mapping,
                               const std::function<void(const FactoryRecipe &, const std::vector<float> &)> &audio)
{
    Bank bank;
    bank.setId(QStringLiteral("factory"));
    bank.setName(QStringLiteral("Factory"));
    bank.setDescription(QStringLiteral("Eighteen impacts to start from: kicks, toms, snares, cymbals, metals, woods, glass and "
                                       "cinematic hits, analysed from modal-synthesis renderings."));
    bank.setMapping(mapping);
    DescriptorAnalyzer analyzer;
    for (const FactoryRecipe &r : all()) {
        const std::vector<float> sound = ImpactSynthesizer::render(r.parameters, r.seed);
        if (audio)
            audio(r, sound);
        Preset preset;
        preset.id = r.id;
        preset.name = r.name;
        preset.tags = r.tags;
        preset.source = PresetSource::Generated;
        preset.sourceDetail = r.parameters.summary().left(limits::kMaxDetailLength);
        preset.curves = analyzer.analyze(sound);
        bank.setPreset(r.slot, preset);
    }
    bank.setMorphPair(Bank::MorphPair{bank.slotOf(u"deep-kick"), bank.slotOf(u"anvil")});
    return bank;
}

} // namespace neurorack
