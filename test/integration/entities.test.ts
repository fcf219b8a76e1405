import { DataSource } from 'typeorm';
import { AuditEventEntity, DossierComplianceEntity, DossierEntity, EvidenceEntity, UserEntity, WaiverEntity } from '../../src/database/entities';
import { Harness, onPostgres, startHarness } from '../support/harness';

/** The entities read every table with its real types on both databases: booleans, numbers, JSON, generated columns. */
describe(`entities (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('reads rows with the types the application uses, through the app’s own DataSource', async () => {
    const bm = h.as(h.users.bm);
    const created = await bm.post('/api/v1/dossiers', { title: 'Typen', strategisch: true, besluitvormer: 'PS' }).expect(201);
    const id = created.body.id as string;
    await bm.post(`/api/v1/dossiers/${id}/waivers`, { requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'Motivering volgt later.' }).expect(201);

    // The module wires the caller's DataSource: one connection, one set of entities.
    const ds = h.app.get(DataSource);
    expect(ds).toBe(h.db.dataSource);

    const dossier = await h.db.read((tx) => tx.em.findOneByOrFail(DossierEntity, { id }));
    expect(dossier).toMatchObject({ id, title: 'Typen', strategisch: true, version: 1, besluitvormer: 'PS', assigneeId: h.users.bm.id });
    expect(typeof dossier.version).toBe('number');

    const evidence = await h.db.read((tx) => tx.em.findBy(EvidenceEntity, { dossierId: id }));
    expect(evidence.map((e) => [e.kind, e.position])).toEqual([['classificatie', 1]]);

    const [waiver] = await h.db.read((tx) => tx.em.findBy(WaiverEntity, { dossierId: id }));
    expect(waiver).toMatchObject({ requirementId: 'G1-03', status: 'requested', requestedBy: h.users.bm.id, usedAt: null });

    const user = await h.db.read((tx) => tx.em.findOneByOrFail(UserEntity, { id: h.users.bm.id }));
    expect(user.roles).toEqual(['beleidsmedewerker']);

    const events = await h.db.read((tx) => tx.em.find(AuditEventEntity, { where: { dossierId: id }, order: { seq: 'ASC' } }));
    expect(events.map((e) => [e.action, e.streamSeq])).toEqual([
      ['dossier.created', 1],
      ['waiver.requested', 2],
    ]);
    expect(typeof events[0].seq).toBe('number');
    expect(events[1].prevHash).toBe(events[0].hash);

    const projection = await h.db.read((tx) => tx.em.findOneByOrFail(DossierComplianceEntity, { dossierId: id }));
    expect(projection).toMatchObject({ strategisch: true, dossierVersion: 1, waiversPendingCount: 1, ownerId: h.users.bm.id });
  });

  it('writes through the EntityManager inside a command’s transaction, and rolls back with it', async () => {
    const bm = h.as(h.users.bm);
    const created = await bm.post('/api/v1/dossiers', { title: 'Terugdraaien', strategisch: false, besluitvormer: 'GS' }).expect(201);
    const id = created.body.id as string;
    await expect(
      h.db.transaction(async (tx) => {
        await tx.em.update(DossierEntity, { id }, { title: 'Gewijzigd', strategisch: true });
        expect(await tx.em.findOneByOrFail(DossierEntity, { id })).toMatchObject({ title: 'Gewijzigd', strategisch: true });
        throw new Error('afgebroken');
      }),
    ).rejects.toThrow('afgebroken');
    expect(await h.db.read((tx) => tx.em.findOneByOrFail(DossierEntity, { id }))).toMatchObject({ title: 'Terugdraaien', strategisch: false });
  });
});
