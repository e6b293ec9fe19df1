import type { ReactNode } from 'react';
import { formatLosses } from '../format';
import type { OperationProfile as Profile } from '../operation-summary';
import { type Tally, TallyList } from '../tally-list';
import { countryName } from './labels';

const MAX = 10;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="op-tally">
      <h4>{title}</h4>
      {children}
    </div>
  );
}

const named = (tallies: Tally[] | undefined) => tallies?.map((t) => ({ ...t, value: countryName(t.value) }));

/** The operation's profile: modus operandi, origin signals, target geography and losses by currency. */
export function OperationProfile({ profile }: { profile: Profile | undefined }) {
  if (!profile) return <p className="muted">No profile yet (the operation is being summarised).</p>;
  const mo = profile.modusOperandi as Profile['modusOperandi'] & { scriptPhrases?: Tally[] };
  return (
    <div className="op-profile">
      <h3>Modus operandi</h3>
      <div className="op-tallies">
        <Part title="Channels">
          <TallyList items={mo.channels} max={MAX} words />
        </Part>
        <Part title="Brands impersonated">
          <TallyList items={mo.brands} max={MAX} />
        </Part>
        <Part title="Payment methods">
          <TallyList items={mo.paymentMethods} max={MAX} words />
        </Part>
        <Part title="Remote tools">
          <TallyList items={mo.remoteTools} max={MAX} />
        </Part>
        {mo.scriptPhrases && (
          <Part title="Script phrases">
            <TallyList items={mo.scriptPhrases} max={MAX} />
          </Part>
        )}
        <Part title="Languages">
          <TallyList items={mo.languages} max={MAX} />
        </Part>
      </div>
      <h3>Origin signals and targets</h3>
      <div className="op-tallies">
        <Part title="Phone number countries">
          <TallyList items={named(profile.origin.phoneCountries)} max={MAX} />
        </Part>
        <Part title="Bank (IBAN) countries">
          <TallyList items={named(profile.origin.bankCountries)} max={MAX} />
        </Part>
        <Part title="Hosting">
          <TallyList items={profile.origin.hosting} max={MAX} />
        </Part>
        <Part title="Victims' countries">
          <TallyList items={named(profile.targets.victimCountries)} max={MAX} />
        </Part>
        <Part title="Losses by currency">
          <p>{formatLosses(profile.lossesByCurrency)}</p>
        </Part>
      </div>
    </div>
  );
}
