import json,sys,math
d=json.load(open(sys.argv[1]))
idx={}
for x in d:
    b=x['benchmark'].split('.')[-1]; p=x['params']
    idx[(b,p['distribution'],int(p['pending']),p.get('ticks'))]=(x['primaryMetric']['score']/1e6,x['primaryMetric']['scoreError']/1e6)
def f(v):
    m,e=v; return f"{m:.1f} ± {e:.1f}" if m>=10 else f"{m:.2f} ± {e:.2f}"
def ratio(a,b):
    r=a[0]/b[0]; e=r*math.sqrt((a[1]/a[0])**2+(b[1]/b[0])**2) if a[0] and b[0] else 0
    s=f"{r:.2f} ± {e:.2f}"; return (f"**{s}**" if r>=2 else s), r
met=0;tot=0;missed=[]
floor=any(k[0].endswith('Floor') for k in idx)
print("| path | deadlines | pending | "+("floor | " if floor else "")+"gridgov handles | Agrona best (ticks) | handles ÷ Agrona | gridgov keyed | Agrona + map best (ticks) | keyed ÷ Agrona + map |")
print("|---|---|---:|"+("---:|" if floor else "")+"---:|---:|---:|---:|---:|---:|")
for path in ['scheduleCancel','scheduleExpire','reschedule']:
  for dist in ['workday','uniform','exponential']:
    for n in [1000,10000,100000,1000000,10000000]:
      row=[path,dist,f"{n:,}"]
      fv=idx.get((path+'Floor',dist,n,None))
      if floor:
        row.append(f(fv) if fv else '—')
      for g,a in [(path+'GridgovHandles',path+'Agrona'),(path+'Gridgov',path+'AgronaKeyed')]:
        gv=idx.get((g,dist,n,None))
        cands=[(t,idx[(a,dist,n,t)]) for t in ['1024','65536'] if (a,dist,n,t) in idx and idx[(a,dist,n,t)][0]>0]
        row.append(f(gv) if gv else 'not run')
        if not cands or not gv:
            row.append('cannot be filled (refused)' if not cands else '—'); row.append('—'); continue
        t,av=max(cands,key=lambda c:c[1][0])
        row.append(f"{f(av)} ({t})")
        s,r=ratio(gv,av); row.append(s); tot+=1; met+= r>=2
        if floor and r<2 and g.endswith('Handles') and fv:
          missed.append((path,dist,n,gv,av,fv))
      print('| '+' | '.join(row)+' |')
print(f"\nmet {met} of {tot}",file=sys.stderr)
# Where the handles column misses the target: nanoseconds per operation, and what is left for the
# queue once the benchmark's own work (the floor) is taken out of both sides.
for path,dist,n,gv,av,fv in missed:
  g,a,fl=1e3/gv[0],1e3/av[0],1e3/fv[0]
  print(f"{path} {dist} {n:,}: ns/op handles {g:.2f}, Agrona {a:.2f}, floor {fl:.2f}; "
        f"net of floor {g-fl:.2f} against {a-fl:.2f}; 2x needs the queue in {a/2-fl:.2f} ns",file=sys.stderr)

