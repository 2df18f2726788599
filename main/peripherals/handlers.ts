// The Peripherals panel's channels. One PeripheralService per process (its SVD cache
// and uploads are shared by every window), made on first use.
import { ValidationError } from '../openocd/errors';
import type { HandlersFor } from '../host/handlers-for';
import type { HostServices } from '../host/services';
import { PeripheralService } from './service';

const perProcess = new WeakMap<HostServices, PeripheralService>();

export function peripheralService(services: HostServices): PeripheralService {
  let s = perProcess.get(services);
  if (!s) {
    s = new PeripheralService({ userDataDir: services.userDataDir, profile: (id) => services.profiles.get(id), memory: () => services.sessions.get().memory });
    perProcess.set(services, s);
  }
  return s;
}

type Channels = 'svdModel' | 'svdOpen' | 'svdForget' | 'svdUpload' | 'peripheralRead' | 'peripheralWriteField' | 'peripheralWriteRegister';

export function peripheralHandlers(services: HostServices): HandlersFor<Channels> {
  const svc = () => peripheralService(services);
  return {
    svdModel: ({ profileId }) => svc().model(profileId),
    svdOpen: async ({ profileId, path }) => {
      let file = path;
      if (file === undefined) {
        if (!services.chooseFile) throw new ValidationError('The file dialog is only in the desktop app', { hint: 'In the browser, pick the .svd file with the file field.' });
        file = await services.chooseFile('svd');
        if (file === undefined) return null;
      }
      return svc().open(profileId, file);
    },
    svdForget: ({ profileId }) => svc().forget(profileId),
    svdUpload: ({ profileId, name, offset, total, data }) => svc().uploadChunk(profileId, name, offset, total, data),
    peripheralRead: ({ profileId, peripheral, include }) => svc().read(profileId, peripheral, include ?? []),
    peripheralWriteField: ({ profileId, peripheral, register, field, value }) => svc().writeField(profileId, peripheral, register, field, value),
    peripheralWriteRegister: ({ profileId, peripheral, register, value }) => svc().writeRegister(profileId, peripheral, register, value),
  };
}
