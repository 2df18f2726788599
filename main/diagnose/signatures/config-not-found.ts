// A cfg script (or an image file) OpenOCD was told to load does not exist.
import type { CategorySignatures, DescribeContext } from '../types';
import type { FindingStep } from '../../../shared/diagnose';
import { removedScript } from './version-knowledge';
import { suggestCfg } from '../suggest-cfg';

export const configNotFound: CategorySignatures = {
  category: 'config-not-found',
  rules: [
    // src/helper/startup.tcl find(): return -code error "Can't find $filename" (same wording 0.7 .. 0.12)
    { id: 'cant-find-file', source: 'src/helper/startup.tcl', match: /Can't find (?!a )(.+?\.cfg)\s*$/i, weight: 0.9 },
    { id: 'cant-find-other', source: 'src/helper/startup.tcl', match: /Can't find (?!a )(.+?)\s*$/i, weight: 0.75 },
    // src/helper/fileio.c fileio_open_local(): LOG_ERROR("couldn't open %s", url)
    { id: 'couldnt-open-file', source: 'src/helper/fileio.c', match: /couldn't open (\S+)/i, weight: 0.75 },
  ],
  describe(ctx) {
    const cfgs = ctx.facts.missingFiles.filter((f) => /\.(cfg|tcl)$/i.test(f));
    const missing = cfgs[0] ?? ctx.facts.missingFiles[0] ?? 'a file';
    const isScript = cfgs.length > 0;
    const steps: FindingStep[] = [];
    if (isScript) {
      const suggestions = suggestCfg(missing, ctx.input.availableCfgs ?? []);
      for (const s of suggestions)
        steps.push({ text: `Use ${s.path} instead of ${missing}.`, action: 'suggest-cfg', args: { missing, cfg: s.path } });
      if (usesOldStlinkName(ctx, missing) && !suggestions.some((s) => s.path === 'interface/stlink.cfg'))
        steps.push({ text: `OpenOCD 0.11 renamed the ST-Link scripts: use interface/stlink.cfg.`, action: 'suggest-cfg', args: { missing, cfg: 'interface/stlink.cfg' } });
      const gone = removedScript(missing);
      if (gone) steps.push({ text: `${missing} was removed in OpenOCD ${gone}: scripts written for older releases need the current names (e.g. the *_stlink.cfg targets became the plain target cfg with interface/stlink.cfg).` });
      steps.push({ text: `Check the spelling and the folder: paths are relative to OpenOCD's scripts folder (interface/, target/, board/).` });
      steps.push({ text: 'If the file is your own, give its absolute path or add its folder with "-s <folder>".' });
      return {
        title: `OpenOCD cannot find ${missing}`,
        explanation: `OpenOCD looked for ${missing} in its scripts folder and did not find it, so it stopped before talking to any hardware. The name is misspelt, the file was renamed in this OpenOCD version, or it lives in a folder OpenOCD does not search.`,
        steps,
      };
    }
    return {
      title: `OpenOCD cannot open ${missing}`,
      explanation: `OpenOCD was asked to read ${missing} (usually the firmware image to program) and the file does not exist or is not readable at that path.`,
      steps: [
        ...(/^[A-Za-z]:[^\\/]/.test(missing)
          ? [{ text: `"${missing}" looks like a Windows path whose backslashes Tcl removed: write it with forward slashes (C:/Users/...) or in braces {C:\\Users\\...}.` }]
          : []),
        { text: `Check that ${missing} exists; relative paths are resolved from the folder OpenOCD was started in.` },
        { text: 'Give the image as an absolute path (on Windows with forward slashes, and in quotes if it has spaces).' },
      ],
    };
  },
};

function usesOldStlinkName(ctx: DescribeContext, missing: string): boolean {
  const cfg = ctx.input.profile?.interfaceCfg ?? '';
  return /stlink-v[0-9]/.test(missing) || /stlink-v[0-9]/.test(cfg);
}
